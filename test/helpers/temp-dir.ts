import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

const forTest: string[] = [];
const forFile: string[] = [];
const remove = (dirs: string[]) => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};
// Whether a test is running: the expect state still names the last test in a later describe's `beforeAll`, so it
// cannot tell (a folder made there was removed after that describe's first test, under its running serve).
let inTest = false;
beforeEach(() => {
  inTest = true;
});
afterEach(() => {
  inTest = false;
  remove(forTest);
});
afterAll(() => remove(forFile));

/**
 * A fresh directory, removed after the test that made it; one made in `beforeAll` (a serve's data folder
 * for the whole file) is removed after the file, not after its first test while the serve still uses it.
 */
export function tempDir(label = 'hookferry'): string {
  const dir = mkdtempSync(join(tmpdir(), `${label}-`));
  (inTest ? forTest : forFile).push(dir);
  return dir;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

const forTest: string[] = [];
const forFile: string[] = [];
const remove = (dirs: string[]) => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};
afterEach(() => remove(forTest));
afterAll(() => remove(forFile));

/**
 * A fresh directory, removed after the test that made it; one made in `beforeAll` (a serve's data folder
 * for the whole file) is removed after the file, not after its first test while the serve still uses it.
 */
export function tempDir(label = 'hookferry'): string {
  const dir = mkdtempSync(join(tmpdir(), `${label}-`));
  (expect.getState().currentTestName === undefined ? forFile : forTest).push(dir);
  return dir;
}

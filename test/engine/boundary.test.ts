import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the engine runs under plain Node', () => {
  it('has no electron import anywhere under main/ outside the desktop shell', () => {
    const offenders = sourceFiles(join(root, 'main'))
      .filter((file) => !relative(root, file).startsWith(join('main', 'desktop')))
      .filter((file) =>
        /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('keeps Electron in the desktop shell’s wiring only: the modules with decisions in them load under Node', () => {
    const wiring = sourceFiles(join(root, 'main', 'desktop'))
      .filter((file) =>
        /^import\s+(?!type\b)[^;]*from\s+['"](electron|electron-store)['"]/m.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(join(root, 'main', 'desktop'), file))
      .sort();
    expect(wiring).toEqual([
      'app-protocol.ts',
      'main.ts',
      'preferences.ts',
      'tray.ts',
      'utility-engine.ts',
      'window.ts',
    ]);
  });
});

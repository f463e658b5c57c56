import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const folders = ['main', 'renderer', 'test', 'bench', 'preload'];

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : sourcesUnder(path);
    return /\.(ts|tsx|js|mjs|cjs|html|css)$/.test(name) ? [path] : [];
  });
}

/** Every relative path a file names: import specifiers, and `join(import.meta.dirname, '..', …)` chains. */
function pathsNamedIn(file: string, text: string): string[] {
  const here = dirname(file);
  const named: string[] = [];
  for (const match of text.matchAll(/(?:from|import\(|require\()\s*['"](\.{1,2}\/[^'"]*)['"]/g)) {
    named.push(resolve(here, match[1]!));
  }
  for (const match of text.matchAll(/(?:join|resolve)\(\s*(?:import\.meta\.dirname|__dirname)((?:\s*,\s*'[^']*')+)/g)) {
    const parts = [...match[1]!.matchAll(/'([^']*)'/g)].map((part) => part[1]!);
    named.push(resolve(here, ...parts));
  }
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[^'"`]*)['"`]/g)) named.push(resolve(here, match[1]!));
  return named;
}

describe('the repository stands alone', () => {
  it('names no path outside the repository in its sources, tests and benchmarks', () => {
    const outside: string[] = [];
    for (const folder of folders) {
      for (const file of sourcesUnder(join(root, folder))) {
        const text = readFileSync(file, 'utf8');
        for (const path of pathsNamedIn(file, text)) {
          if (path !== root && !path.startsWith(root + sep)) outside.push(`${relative(root, file)} → ${path}`);
        }
        if (/\bshared[/\\]fixtures\b|ZITHARA\.md/.test(text)) outside.push(`${relative(root, file)} names ../shared`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the fixtures and documents its code cites', () => {
    expect(statSync(join(root, 'test', 'fixtures', 'teamcrop', 'order.add.json')).size).toBeGreaterThan(0);
    expect(statSync(join(root, 'docs', 'zithara-api.md')).size).toBeGreaterThan(0);
  });
});

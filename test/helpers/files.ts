import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files under `dir` whose bytes contain `text`. */
export function filesContaining(dir: string, text: string): string[] {
  return filesUnder(dir).filter((file) => readFileSync(file).includes(Buffer.from(text)));
}

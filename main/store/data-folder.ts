import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds customers' names and phones, the data key and the
 * admin token: only the user may read it. Enforced at every start, because the
 * folder may have been made (or restored from a backup) with looser modes;
 * files made later inherit 0600 from the engine's umask (serve sets it).
 */
export function lockDownDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const lock = (folder: string) => {
    chmodSync(folder, 0o700);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) lock(path);
      else if (entry.isFile()) chmodSync(path, 0o600);
    }
  };
  lock(dir);
}

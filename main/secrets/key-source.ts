import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rm, stat } from 'node:fs/promises';

/**
 * Where the engine gets its 256-bit data key. Headless keeps it in a file only
 * the user can read; the desktop shell keeps it wrapped by the OS key store and
 * hands it over at start, through its own implementation of this interface.
 */
export interface DataKeySource {
  /** Said in the log and the UI, e.g. "key file /data/secret.key". */
  readonly description: string;
  load(): Promise<Buffer>;
}

export function fileKeySource(path: string): DataKeySource {
  return {
    description: `key file ${path}`,
    async load() {
      const existing = await readKeyFile(path);
      if (existing) return existing;
      const key = randomBytes(32);
      let handle;
      try {
        handle = await open(path, 'wx', 0o600);
      } catch (error) {
        // Another process created it between our read and our create: use theirs.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          const raced = await readKeyFile(path);
          if (raced) return raced;
        }
        throw error;
      }
      try {
        await handle.writeFile(key.toString('base64'));
        await handle.sync();
        await handle.close();
        return key;
      } catch (error) {
        // A key file left empty (a full disk) would read as damaged at the next start: never leave one behind.
        await handle.close().catch(() => undefined);
        await rm(path, { force: true });
        throw error;
      }
    },
  };
}

async function readKeyFile(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(
      `The key file ${path} is damaged (it does not hold a 256-bit key). Restore it from a backup; without it the stored secrets cannot be read.`,
    );
  }
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  return key;
}

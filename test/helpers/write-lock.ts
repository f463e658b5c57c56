import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Another process, started and waiting, that holds the database's write lock for `ms` when told, as the checkpoint
 * worker does during a RESTART or TRUNCATE checkpoint. Started ahead, so the lock can be taken within moments.
 */
export async function writeLockHolder(file: string, ms: number) {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       process.stdout.write('ready');
       process.stdin.once('data', () => {
         db.exec('BEGIN IMMEDIATE');
         process.stdout.write('locked');
         setTimeout(() => { db.exec('ROLLBACK'); db.close(); process.exit(0); }, ${ms});
       });`,
      file,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const released = once(holder, 'exit');
  await once(holder.stdout, 'data');
  return {
    /** Takes the lock; resolves once it is held. */
    async lock(): Promise<void> {
      const locked = once(holder.stdout, 'data');
      holder.stdin.write('\n');
      await locked;
    },
    /** Resolves when the lock is let go and the process is gone. */
    released,
  };
}

/** Holds the write lock for `ms` from another process; resolves once it holds it. */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<unknown> }> {
  const holder = await writeLockHolder(file, ms);
  await holder.lock();
  return holder;
}

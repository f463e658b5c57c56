import { spawn } from 'node:child_process';

/**
 * Another process holds the database's write lock for `ms`, as the checkpoint worker does during a RESTART or
 * TRUNCATE checkpoint; resolves once it holds it, with a promise of its end.
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<unknown> }> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       db.exec('BEGIN IMMEDIATE');
       process.stdout.write('locked');
       setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, ${ms});`,
      file,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const released = new Promise((resolve) => holder.once('exit', resolve));
  await new Promise((resolve) => holder.stdout.once('data', resolve));
  return { released };
}

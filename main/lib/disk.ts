import { statfsSync } from 'node:fs';

/**
 * Below this much free space the disk counts as full: a log file is not tried again, a start says so, the
 * dashboard and the tray say so.
 */
export const ROOM_BYTES = 1024 * 1024;

/** Bytes the user may still write on the disk holding `folder`; null when it cannot be told. */
export function freeBytes(folder: string): number | null {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/**
 * Whether an error means the disk is full: the OS's ENOSPC or quota, SQLite's
 * SQLITE_FULL, or SQLite failing to size its shared-memory file, which is how a
 * full disk shows when a WAL database is opened.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE';
}

/** Whether the disk holding `folder` counts as full, now; a folder that cannot be looked at is not said to be. */
export function isFull(folder: string): boolean {
  const free = freeBytes(folder);
  return free !== null && free < ROOM_BYTES;
}

/**
 * Looks at the disk holding `folder` every `everyMs` and tells `flipped` when it becomes full or has room
 * again: nothing else would tell an open dashboard that space was freed.
 */
export function watchRoom(folder: string, flipped: (full: boolean) => void, everyMs = 5_000): () => void {
  let full = isFull(folder);
  const timer = setInterval(() => {
    if (isFull(folder) === full) return;
    full = !full;
    flipped(full);
  }, everyMs).unref();
  return () => clearInterval(timer);
}

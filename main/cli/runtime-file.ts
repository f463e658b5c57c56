import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RuntimeInfo {
  pid: number;
  ingestUrl: string;
  adminUrl: string;
  adminToken: string;
  dashboardUrl: string;
}

export function runtimeFilePath(dataDir: string): string {
  return join(dataDir, 'runtime.json');
}

/** Written whole or not at all (temp file, then rename), readable only by the user: it holds the admin token. */
export async function writeRuntimeFile(dataDir: string, info: RuntimeInfo): Promise<void> {
  const path = runtimeFilePath(dataDir);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function removeRuntimeFile(dataDir: string): Promise<void> {
  await rm(runtimeFilePath(dataDir), { force: true });
}

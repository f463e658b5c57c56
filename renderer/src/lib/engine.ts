import { type ApiClient, createApiClient, notRunning } from '../../../main/api/client';

export interface Engine {
  baseUrl: string;
  token: string;
  api: ApiClient;
}

export function connect(baseUrl: string, token: string): Engine {
  return { baseUrl, token, api: createApiClient({ baseUrl, token }) };
}

/** Downloads an authenticated URL (exports) as a file; `failed` words a refusal in the page's language. */
export async function download(
  engine: Engine,
  path: string,
  filename: string,
  failed: (status: number) => string,
): Promise<void> {
  const response = await fetch(new URL(path, engine.baseUrl), {
    headers: { authorization: `Bearer ${engine.token}` },
  }).catch(() => {
    // The browser's "Failed to fetch" says nothing to a shopkeeper: no answer means the engine is not running.
    throw notRunning();
  });
  if (!response.ok) throw new Error(failed(response.status));
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

import { ApiCallError, type ApiClient, createApiClient, notRunning } from '../../../main/api/client';
import { ApiError } from '../../../main/api/contract';

export interface Engine {
  baseUrl: string;
  token: string;
  api: ApiClient;
}

export function connect(baseUrl: string, token: string): Engine {
  return { baseUrl, token, api: createApiClient({ baseUrl, token }) };
}

/** How a download that did not work is said, in the page's language. */
export interface DownloadWords {
  /** Refused without a sentence of the engine's own. */
  refused: (status: number) => string;
  /** Begun, then stopped before its end: nothing saved. */
  cut: string;
}

/**
 * Downloads an authenticated URL (exports) as a file, saved only once it has arrived whole. A refusal with the
 * engine's sentence (too many exports at once) is thrown as the API's error, said in the page's language by its
 * code; `signal` cancels it (an AbortError).
 */
export async function download(
  engine: Engine,
  path: string,
  filename: string,
  words: DownloadWords,
  signal?: AbortSignal,
): Promise<void> {
  const response = await fetch(new URL(path, engine.baseUrl), {
    headers: { authorization: `Bearer ${engine.token}` },
    signal,
  }).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    // The browser's "Failed to fetch" says nothing to a shopkeeper: no answer means the engine is not running.
    throw notRunning();
  });
  if (!response.ok) {
    const said = ApiError.safeParse(await response.json().catch(() => null));
    if (!said.success) throw new Error(words.refused(response.status));
    throw new ApiCallError(response.status, said.data.error, said.data.fields, said.data.reason ?? null);
  }
  const file = await response.blob().catch((error: unknown) => {
    if (signal?.aborted) throw error;
    // The engine cut it (an event it could not read, or it stopped): the browser's "network error" says nothing.
    throw new Error(words.cut);
  });
  saveBlob(file, filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

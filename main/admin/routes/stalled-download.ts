import type { ServerResponse } from 'node:http';
import { pipeline, type Readable, Transform } from 'node:stream';

/** A download whose client takes nothing for this long is stopped: a slow reader takes some bytes well within it. */
const STALL_MS = 60_000;

/** The bytes written to the client at a time, so that a slow reader is seen taking them (see watchedDownload). */
const SLICE_BYTES = 64 * 1024;

/** `HOOKFERRY_TEST_EXPORT_STALL_MS` shortens the wait, so a test sees a stalled download stopped without waiting a minute. */
export function stallMs(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.HOOKFERRY_TEST_EXPORT_STALL_MS);
  return Number.isInteger(override) && override >= 100 ? override : STALL_MS;
}

/**
 * `download` as sent on `response`, stopped when its client stops reading: once the client has taken nothing for
 * `stallFor` ms, the download is destroyed with an error, which cuts the connection before the last chunk (the client
 * sees a failed download, never a short file that looks whole), and what it held is let go. A client that goes away
 * stops it too (the answer closing), HEAD included, whose answer ends at once while nothing reads the download.
 *
 * Taking is seen by the answer draining after it could not take more. The download is written in slices of 64 KB,
 * so a client reading slowly drains one well within the wait: written whole, a 5 MB cell (7 MB as base64 in the
 * backup) drains only once all of it is taken, which at 100 KB/s is more than a minute of what looks like nothing.
 */
export function watchedDownload(
  response: ServerResponse,
  download: Readable,
  stallFor: number,
  onStall: (error: Error) => void,
): Readable {
  const sliced = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (let at = 0; at < chunk.length; at += SLICE_BYTES) this.push(chunk.subarray(at, at + SLICE_BYTES));
      done();
    },
  });
  // Its errors are said where they arise: the export's own streams log theirs, a stall is told to onStall.
  pipeline(download, sliced, () => undefined);
  let waitingSince: number | null = null;
  const taken = () => {
    waitingSince = null;
  };
  // Looked at a few times within the wait: a download stops between `stallFor` and a quarter more after its last byte taken.
  const check = setInterval(
    () => {
      if (!response.writableNeedDrain) return taken();
      waitingSince ??= Date.now();
      if (Date.now() - waitingSince < stallFor) return;
      const error = new Error(`the client took nothing for ${Math.round(stallFor / 1000)} s`);
      onStall(error);
      sliced.destroy(error);
    },
    Math.max(25, Math.floor(stallFor / 4)),
  ).unref();
  response.on('drain', taken);
  response.once('close', () => {
    clearInterval(check);
    response.off('drain', taken);
    sliced.destroy();
  });
  return sliced;
}

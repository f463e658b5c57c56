import { z } from 'zod';

/*
 * The messages between the desktop shell and the engine it runs as a utility
 * process. The data key travels here, never in argv or the environment.
 */

export const ToEngine = z.discriminatedUnion('type', [
  /** The 256-bit data key, base64; sent once, right after start. */
  z.object({ type: z.literal('key'), key: z.base64() }),
  /** Stop politely: finish the current commit, close the database, exit 0. */
  z.object({ type: z.literal('stop') }),
]);
export type ToEngine = z.infer<typeof ToEngine>;

export const FromEngine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    ingestUrl: z.string(),
    adminUrl: z.string(),
    adminToken: z.string(),
    dataDir: z.string(),
  }),
  /** The engine cannot start; the sentence says why and what to do. */
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type FromEngine = z.infer<typeof FromEngine>;

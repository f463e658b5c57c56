/**
 * How much WAL the store keeps between checkpoints: past it, the checkpoint worker has the WAL start
 * over from its beginning (RESTART), and a connection that starts it over cuts the file to this size
 * (journal_size_limit), so its blocks are written over rather than allocated anew after each truncation.
 */
export const WAL_KEPT_BYTES = 4 * 1024 * 1024;

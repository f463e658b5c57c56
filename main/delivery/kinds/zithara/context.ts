import { parseJson } from '../../../lib/exact-json.js';
import { textOf, topLevelRecords } from '../../../lib/values.js';
import type { MappingContext } from './mapping.js';

export interface ZitharaOptions {
  currency: string;
  phoneCountryCode: string;
}

/** Teamcrop's events that hold an order whole (by its `id`), and those that hold one line of it (by `order_id`). */
export const STORED = {
  orders: { types: ['order.add', 'order.edit'], field: 'id' },
  lines: { types: ['order.additem', 'order.edititem'], field: 'order_id' },
} as const;

/** How far back a Teamcrop order line looks for its order. */
export const ORDER_LOOKBACK_MS = 30 * 24 * 3_600_000;

/** The stored bodies of one order id as JSON (see storedBodiesWhere), oldest first: its order events, or its lines. */
export type StoredRows = (orderId: string, which: 'orders' | 'lines') => Uint8Array[];

/** A mapping context whose stored orders and lines are read from raw bodies, parsed when the mapping asks. */
export function contextOf(options: ZitharaOptions, rows: StoredRows): MappingContext {
  return {
    ...options,
    storedOrder: (orderId) => {
      const latest = rows(orderId, 'orders').at(-1);
      return latest ? parseRow(latest) : null;
    },
    storedLines: (orderId) => latestPerLine(rows(orderId, 'lines').map(parseRow)),
  };
}

/** The record the mapping reads: the body itself, or inside its root element (an XML order's `<order>`). */
function parseRow(row: Uint8Array): Record<string, unknown> {
  return topLevelRecords(parseJson(Buffer.from(row.buffer, row.byteOffset, row.byteLength).toString('utf8'))).at(-1)!;
}

/** An edited line replaces the earlier version of the same line. */
function latestPerLine(lines: Record<string, unknown>[]): Record<string, unknown>[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const line of lines) byId.set(textOf(line.id) ?? textOf(line.item_id) ?? String(byId.size), line);
  return [...byId.values()];
}

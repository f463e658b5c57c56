import { recordsWith, type StoredBody } from '../../../store/body-format.js';
import { textOf } from '../../../lib/values.js';
import type { MappingContext } from './mapping.js';

export interface ZitharaOptions {
  currency: string;
  phoneCountryCode: string;
}

/**
 * Teamcrop's events that hold an order whole (by its `id`), and those that hold one line of it (by `order_id`);
 * `earlierOrders`: the order's versions received before the event being sent.
 */
export const STORED = {
  orders: { types: ['order.add', 'order.edit'], field: 'id', earlier: false },
  lines: { types: ['order.additem', 'order.edititem'], field: 'order_id', earlier: false },
  earlierOrders: { types: ['order.add', 'order.edit'], field: 'id', earlier: true },
} as const;

/** How far back a Teamcrop order line looks for its order. */
export const ORDER_LOOKBACK_MS = 30 * 24 * 3_600_000;

/**
 * How many of an order's line events are read, the newest: far more than an order's lines, few enough that an order
 * edited without end is not read whole at every line.
 */
export const LINE_EVENTS_READ = 500;

/** Stored events of one order id (see storedBodiesMentioning), newest first: its order events, or its lines. */
export type StoredRows = (orderId: string, which: keyof typeof STORED) => Iterable<StoredBody>;

/** A mapping context whose stored order and lines are found among stored bodies, parsed when the mapping asks. */
export function contextOf(options: ZitharaOptions, rows: StoredRows): MappingContext {
  return {
    ...options,
    storedOrder: (orderId) => {
      for (const { record } of recordsWith(rows(orderId, 'orders'), STORED.orders.field, orderId)) return record;
      return null;
    },
    storedLines: (orderId) => {
      const newestFirst: Record<string, unknown>[] = [];
      for (const { record } of recordsWith(rows(orderId, 'lines'), STORED.lines.field, orderId)) {
        if (newestFirst.push(record) === LINE_EVENTS_READ) break;
      }
      return latestPerLine(newestFirst.reverse());
    },
    onlyWalkInsBefore: (orderId) => {
      let walkIn = false;
      for (const { record } of recordsWith(rows(orderId, 'earlierOrders'), STORED.orders.field, orderId)) {
        if (textOf(record.customer_id)) return false;
        walkIn = true;
      }
      return walkIn;
    },
  };
}

/** An edited line replaces the earlier version of the same line. */
function latestPerLine(lines: Record<string, unknown>[]): Record<string, unknown>[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const line of lines) byId.set(textOf(line.id) ?? textOf(line.item_id) ?? String(byId.size), line);
  return [...byId.values()];
}

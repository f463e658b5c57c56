import type { NewEvent } from '../../main/store/events-write.js';
import { newId } from '../../main/store/ids.js';

/** An event as the intake hands it to the writer: a small accepted order unless told otherwise. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: newId('evt'),
    sourceId: null,
    sourceName: 'POS',
    type: 'order.add',
    status: 'received',
    receivedAt: Date.now(),
    httpStatus: 200,
    reason: null,
    rejection: null,
    headers: {},
    contentType: 'application/json',
    body: Buffer.from('{"id":1}'),
    parsed: { id: 1 },
    summary: 'order.add · 1',
    providerEventId: null,
    signed: false,
    remoteAddress: '127.0.0.1',
    ...overrides,
  };
}

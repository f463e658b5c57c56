import type { Logger } from 'pino';
import type { Listening, Settings, SettingsUpdate, Source } from '../api/contract.js';
import type { DeliveryActions } from '../delivery/actions.js';
import type { CheckedExpressions } from '../delivery/checked-expressions.js';
import type { DeliveryBodies } from '../delivery/body-runner.js';
import type { DeliveryQueue } from '../delivery/queue.js';
import type { Deliverer } from '../delivery/deliver.js';
import type { LiveLog } from '../live/live-log.js';
import type { PublicAddress } from '../public-address/public-address.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { DestinationStore } from '../store/destinations.js';
import type { EarlierEvents } from '../store/earlier-events.js';
import type { EventReader } from '../store/events-read.js';
import type { SettingsStore } from '../store/settings.js';
import type { TestEventLog } from '../store/test-events.js';
import type { SourceRecord, SourceStore } from '../store/sources.js';

/** What the admin routes work with; the engine builds it once. */
export interface AdminContext {
  sources: SourceStore;
  events: EventReader;
  destinations: DestinationStore;
  deliveries: DeliveryStore;
  /** Events a destination takes that came before it took them (see sendEarlier in actions). */
  earlier: EarlierEvents;
  /** Resend and discard, told on the live stream; bulk resends followed as batches. */
  actions: DeliveryActions;
  queue: DeliveryQueue;
  /** Test events, stored and marked, so the live log shows them. */
  testEvents: TestEventLog;
  deliverer: Deliverer;
  /** Parses and writes large bodies off the engine's thread. */
  bodies: DeliveryBodies;
  settings: SettingsStore;
  live: LiveLog;
  log: Logger;
  ingestUrl: () => string;
  /** The public address (off, the shop's own, or ngrok) and where it stands. */
  publicAddress: PublicAddress;
  listening: () => Listening;
  /** Saves settings and applies what changed (restarting the intake listener if its address changed). */
  updateSettings: (patch: SettingsUpdate) => Promise<Settings>;
  /** Whether the disk holding the data folder counts as full now. */
  diskFull: () => boolean;
  /** Runs `work` in one write transaction of the store: all of it is kept, or none (an import). */
  inOneTransaction: (work: () => void) => void;
  /**
   * Compiles expressions about to be saved in the transformation process, for the save to find what is wrong with
   * each (see checked-expressions.ts): a long one took the engine's thread for up to 0.7 s.
   */
  checkExpressions: (expressions: string[]) => Promise<CheckedExpressions>;
}

export function toApiSource(record: SourceRecord, ingestBase: string, publicBase: string | null): Source {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    ingestUrl: `${ingestBase}/in/${record.token}`,
    publicUrl: publicBase ? `${publicBase}/in/${record.token}` : null,
    verification: record.verification,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

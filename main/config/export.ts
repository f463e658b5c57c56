import { CONFIG_FILE_VERSION, type ConfigFile, type Destination, type Settings } from '../api/contract.js';
import type { SourceRecord } from '../store/sources.js';

/**
 * The secrets a destination holds, by name: its kind's secret fields that are set, and its secret
 * headers that have a value (`header:<name>`). An import says these must be entered again.
 */
export function secretsHeld(destination: Destination): string[] {
  const fields = Object.entries(destination.secretsSet).flatMap(([field, set]) => (set ? [field] : []));
  const headers = Array.isArray(destination.settings.headers)
    ? (destination.settings.headers as { name: string; secret?: boolean; valueSet?: boolean }[]).flatMap((header) =>
        header.secret && header.valueSet ? [`header:${header.name.toLowerCase()}`] : [],
      )
    : [];
  return [...fields, ...headers];
}

/**
 * The configuration as a file another computer can import: settings, sources and destinations with
 * what they verify and where they send, but never a secret. Sources are named, not numbered, since
 * ids differ between computers. Whether deliveries are paused is this computer's state, not its setup, and
 * the public address (its tunnel and authtoken) belongs to this computer too.
 */
export function exportConfig(
  settings: Settings,
  sources: SourceRecord[],
  destinations: Destination[],
  storedSettings: (destinationId: string) => Record<string, unknown> | null,
): ConfigFile {
  const { deliveriesPaused: _paused, publicAddress: _address, ...portable } = settings;
  const nameOf = new Map(sources.map((source) => [source.id, source.name]));
  return {
    hookferry: CONFIG_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    settings: portable,
    sources: sources.map(({ name, kind, verification }) => ({
      name,
      kind,
      verification:
        verification.type === 'none'
          ? verification
          : verification.type === 'hmac'
            ? { type: 'hmac', header: verification.header, encoding: verification.encoding }
            : { type: 'header', header: verification.header },
    })),
    destinations: destinations.map((destination) => ({
      name: destination.name,
      kind: destination.kind,
      url: destination.url,
      events: destination.events,
      sourceNames: destination.sourceIds.flatMap((id) => nameOf.get(id) ?? []),
      timeoutMs: destination.timeoutMs,
      retry: destination.retry,
      concurrency: destination.concurrency,
      ordered: destination.ordered,
      paused: destination.paused,
      settings: storedSettings(destination.id) ?? {},
      secrets: secretsHeld(destination),
    })),
  };
}

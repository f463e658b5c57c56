import {
  CONFIG_FILE_VERSION,
  ConfigFile,
  type ConfigDestination,
  type ConfigSource,
  type DestinationCreate,
  type DestinationPatch,
  type ImportItem,
  type Settings,
  type SettingsUpdate,
} from '../api/contract.js';
import { inEnglish } from '../i18n/english.js';
import { configReasons } from '../i18n/reasons/config.js';
import { secretsHeld } from './export.js';
import { ZodError } from 'zod';
import { jsonNestsPast, MAX_NESTING } from '../intake/body-shape.js';
import { InvalidInputError, refusedFor } from '../lib/errors.js';
import type { CheckedExpressions } from '../delivery/checked-expressions.js';
import type { DestinationStore } from '../store/destinations.js';
import { hostOf } from '../store/other-site.js';
import type { SettingsStore } from '../store/settings.js';
import type { SourceRecord, SourceStore } from '../store/sources.js';

export interface ImportDeps {
  sources: SourceStore;
  destinations: DestinationStore;
  settings: SettingsStore;
  /** Saves settings and applies them (the intake may move to another port). */
  updateSettings: (patch: SettingsUpdate) => Promise<Settings>;
  /** Runs `work` in one write transaction of the store: all of it is kept, or none. */
  inOneTransaction: (work: () => void) => void;
}

type ReasonCode = keyof (typeof configReasons)['en'];

/** Reads an uploaded file, saying plainly what is wrong when it is not a configuration this Hookferry can import. */
export function readConfigFile(text: string): ConfigFile {
  // Deeper than any export, a crafted file would overflow the stack of every comparison and copy after this.
  if (jsonNestsPast(Buffer.from(text), MAX_NESTING))
    throw new InvalidInputError(refusedFor('admin.configTooDeep', { limit: MAX_NESTING }));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InvalidInputError(refusedFor('admin.configNotJson'));
  }
  // A mark that is not a number is no version mark (and a crafted one, nested deep, cannot be written back).
  if (typeof data !== 'object' || data === null || !('hookferry' in data) || typeof data.hookferry !== 'number')
    throw new InvalidInputError(refusedFor('admin.configNoMark'));
  if (data.hookferry !== CONFIG_FILE_VERSION)
    throw new InvalidInputError(
      refusedFor('admin.configVersion', { found: JSON.stringify(data.hookferry), expected: CONFIG_FILE_VERSION }),
    );
  const parsed = ConfigFile.safeParse(data);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/**
 * What the import will do, item by item, and the function that does it. Every part was checked as the import
 * checks it, so what the plan says is what `apply` does; `apply` keeps all of it or none.
 */
export interface ImportPlan {
  items: ImportItem[];
  apply: () => Promise<void>;
}

/** A part's refusal, named from the file's top (`destinations.2.settings.clientId`). */
function checkedAt<T>(path: (string | number)[], check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ZodError)
      throw new ZodError(error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
    throw error;
  }
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function item(
  what: ImportItem['what'],
  name: string,
  action: ImportItem['action'],
  code: ReasonCode,
  params: Record<string, string> = {},
): ImportItem {
  return { what, name, action, why: inEnglish(configReasons, code, params), reason: { code, params } };
}

function changedSettings(current: Settings, wanted: NonNullable<ConfigFile['settings']>): SettingsUpdate {
  const patch: SettingsUpdate = {};
  for (const [key, value] of Object.entries(wanted) as [keyof SettingsUpdate, unknown][]) {
    if (key === 'intake') continue;
    if (!same(current[key], value)) Object.assign(patch, { [key]: value });
  }
  const intake = Object.fromEntries(
    Object.entries(wanted.intake ?? {}).filter(
      ([key, value]) => !same(current.intake[key as keyof Settings['intake']], value),
    ),
  );
  if (Object.keys(intake).length > 0) patch.intake = intake;
  return patch;
}

function fieldsOf({ intake, ...rest }: SettingsUpdate): string {
  return [...Object.keys(rest), ...Object.keys(intake ?? {}).map((key) => `intake.${key}`)].join(', ');
}

function sourceChanges(existing: SourceRecord, wanted: ConfigSource): string[] {
  const current = existing.verification;
  const changes: string[] = [];
  if (existing.kind !== wanted.kind) changes.push('kind');
  if (current.type !== wanted.verification.type) changes.push('verification');
  else if (current.type !== 'none' && wanted.verification.type !== 'none') {
    if (current.header !== wanted.verification.header) changes.push('verification.header');
    if (
      current.type === 'hmac' &&
      wanted.verification.type === 'hmac' &&
      current.encoding !== wanted.verification.encoding
    )
      changes.push('verification.encoding');
  }
  return changes;
}

function secretSet(source: SourceRecord): boolean {
  const { verification } = source;
  return verification.type === 'hmac'
    ? verification.secretSet
    : verification.type === 'header'
      ? verification.valueSet
      : true;
}

/** The destination fields an import compares and sets; its secrets and its paused state are this computer's. */
function portable(destination: Omit<ConfigDestination, 'paused' | 'secrets' | 'name'>) {
  return {
    kind: destination.kind,
    url: destination.url,
    events: destination.events,
    sourceNames: destination.sourceNames.map((name) => name.trim().toLowerCase()).sort(),
    timeoutMs: destination.timeoutMs,
    retry: destination.retry,
    concurrency: destination.concurrency,
    ordered: destination.ordered,
    settings: destination.settings,
  };
}

/**
 * Plans an import against what is here now, matching by name so a second import of the same file
 * changes nothing. Nothing is written until `apply`; the file was checked whole before this, and its expressions
 * compiled in the transformation process (`checked`).
 */
export function planImport(file: ConfigFile, deps: ImportDeps, checked: CheckedExpressions): ImportPlan {
  const items: ImportItem[] = [];
  const steps: (() => void)[] = [];
  let settingsPatch: SettingsUpdate | null = null;
  let settingsBefore: SettingsUpdate = {};

  if (file.settings) {
    const current = deps.settings.get();
    const patch = changedSettings(current, file.settings);
    if (Object.keys(patch).length === 0) items.push(item('settings', 'Settings', 'skip', 'config.same'));
    else {
      checkedAt(['settings'], () => deps.settings.check(patch));
      items.push(item('settings', 'Settings', 'update', 'config.update', { fields: fieldsOf(patch) }));
      settingsPatch = patch;
      settingsBefore = valuesOf(current, patch);
    }
  }

  const sources = deps.sources.list();
  for (const wanted of file.sources) {
    const existing = sources.find((source) => sameName(source.name, wanted.name));
    const needsSecret = wanted.verification.type !== 'none';
    if (!existing) {
      items.push(
        needsSecret
          ? item('source', wanted.name, 'create', 'config.sourceSecret', {
              header: wanted.verification.type === 'none' ? '' : wanted.verification.header,
            })
          : item('source', wanted.name, 'create', 'config.create'),
      );
      steps.push(() => {
        deps.sources.create(
          { name: wanted.name, kind: wanted.kind, verification: wanted.verification },
          { secretLater: true },
        );
      });
      continue;
    }
    const changes = sourceChanges(existing, wanted);
    if (changes.length === 0) {
      items.push(item('source', wanted.name, 'skip', 'config.same'));
      continue;
    }
    const secretLost = needsSecret && (changes.includes('verification') || !secretSet(existing));
    items.push(
      item('source', wanted.name, 'update', secretLost ? 'config.updateSourceSecret' : 'config.update', {
        fields: changes.join(', '),
      }),
    );
    steps.push(() => {
      deps.sources.update(existing.id, { kind: wanted.kind, verification: wanted.verification }, { secretLater: true });
    });
  }

  // A name found nowhere would be dropped from a destination's sources, and an empty list takes every source: the
  // orders of a shop the destination was never meant for would go to it.
  for (const wanted of file.destinations) {
    const missing = wanted.sourceNames.find(
      (name) => ![...sources, ...file.sources].some((source) => sameName(source.name, name)),
    );
    if (missing !== undefined)
      throw new InvalidInputError(
        refusedFor('admin.configUnknownSource', { destination: wanted.name, source: missing }),
      );
  }

  const destinations = deps.destinations.list();
  // Sources by name as they are once the sources above are in: a destination may name one this import adds.
  const sourceIdsOf = (names: string[]) => {
    const after = deps.sources.list();
    return names.flatMap((name) => after.find((source) => sameName(source.name, name))?.id ?? []);
  };
  file.destinations.forEach((wanted, index) => {
    const existing = destinations.find((destination) => sameName(destination.name, wanted.name));
    const held = existing ? secretsHeld(existing) : [];
    const lacking = wanted.secrets.some((secret) => !held.includes(secret));
    const { secrets: _secrets, sourceNames, ...fields } = wanted;
    // A new destination starts paused: the file may come from another PC that forwards the same orders already.
    const input = (): DestinationCreate => ({
      ...fields,
      sourceIds: sourceIdsOf(sourceNames),
      paused: !existing || wanted.paused || lacking,
    });
    if (!existing) {
      checkedAt(['destinations', index], () => deps.destinations.checkCreate(input(), { checked, secretsLater: true }));
      items.push(
        item('destination', wanted.name, 'create', lacking ? 'config.destinationSecret' : 'config.destinationPaused'),
      );
      steps.push(() => void deps.destinations.create(input(), { checked, secretsLater: true }));
      return;
    }
    const now = portable({
      ...existing,
      sourceNames: existing.sourceIds.flatMap((id) => sources.find((source) => source.id === id)?.name ?? []),
      settings: deps.destinations.storedSettings(existing.id) ?? {},
    });
    const next = portable(wanted);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => !same(now[key], next[key]));
    if (changed.length === 0) {
      items.push(item('destination', wanted.name, 'skip', 'config.same'));
      return;
    }
    const fieldsOnly = (): DestinationPatch => {
      const { paused: _paused, ...fields } = input();
      return fields;
    };
    // A file naming this destination with an address on another site: the secrets entered here for the old site
    // are not sent there; they wait to be entered anew, and the destination waits paused.
    const leftBehind = deps.destinations.secretsLeftBehind(existing.id, fieldsOnly());
    const pause = lacking || leftBehind.length > 0;
    const update = (): DestinationPatch => (pause ? { ...fieldsOnly(), paused: true } : fieldsOnly());
    checkedAt(['destinations', index], () =>
      deps.destinations.checkUpdate(existing.id, update(), { checked, secretsLater: true }),
    );
    const fieldNames = changed.map((key) => (key === 'sourceNames' ? 'sources' : key)).join(', ');
    items.push(
      leftBehind.length > 0
        ? item('destination', wanted.name, 'update', 'config.updateDestinationOtherSite', {
            fields: fieldNames,
            names: leftBehind.join(', '),
            host: hostOf(wanted.url),
          })
        : item('destination', wanted.name, 'update', lacking ? 'config.updateDestinationSecret' : 'config.update', {
            fields: fieldNames,
          }),
    );
    steps.push(() => void deps.destinations.update(existing.id, update(), { checked, secretsLater: true }));
  });

  return {
    items,
    apply: async () => {
      // First, as the one step that can still fail (the intake's new port may be taken); nothing else is written then.
      if (settingsPatch) await deps.updateSettings(settingsPatch);
      try {
        deps.inOneTransaction(() => {
          for (const step of steps) step();
        });
      } catch (error) {
        deps.sources.reread();
        deps.destinations.reread();
        if (settingsPatch) await deps.updateSettings(settingsBefore);
        throw error;
      }
    },
  };
}

/** The values `patch` would replace, to put back when the rest of an import fails. */
function valuesOf(current: Settings, patch: SettingsUpdate): SettingsUpdate {
  const { intake, ...rest } = patch;
  const before: SettingsUpdate = Object.fromEntries(
    Object.keys(rest).map((key) => [key, current[key as keyof Settings]]),
  );
  if (intake)
    before.intake = Object.fromEntries(
      Object.keys(intake).map((key) => [key, current.intake[key as keyof Settings['intake']]]),
    );
  return before;
}

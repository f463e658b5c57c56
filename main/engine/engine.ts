import { join } from 'node:path';
import type { Logger } from 'pino';
import type { PortRefusal, Settings, SettingsUpdate } from '../api/contract.js';
import type { AdminContext } from '../admin/context.js';
import { startAdmin } from '../admin/server.js';
import { IntakeCounts } from '../intake/intake-counts.js';
import { type IntakeDeps, type IntakeListener, startIntake } from '../intake/listener.js';
import { LargeBodyReader, largeBodyLimits } from '../intake/large-body-reader.js';
import { LARGE_BODY_BYTES } from '../intake/large-body.js';
import { slowClientLimits } from '../intake/slow-clients.js';
import { bodyBudgetBytes } from '../intake/body-budget.js';
import type { DataKeySource } from '../secrets/key-source.js';
import { createSecretBox } from '../secrets/secret-box.js';
import { type Checkpointer, startCheckpointer } from '../store/checkpointer.js';
import { lockDownDataFolder } from '../store/data-folder.js';
import { holdDataFolder } from '../store/folder-lock.js';
import { holdsAlone, openDatabase } from '../store/database.js';
import { EventReader } from '../store/events-read.js';
import { EventWriter } from '../store/events-write.js';
import { afterCommitOf } from '../store/after-commit.js';
import { SettingsStore } from '../store/settings.js';
import { SourceStore } from '../store/sources.js';
import { writeTransaction } from '../store/write-transaction.js';
import { isFull, watchRoom } from '../lib/disk.js';
import { listenRefused, portProblem } from '../lib/port-check.js';
import { DeliveryActions } from '../delivery/actions.js';
import { DeliveryQueue } from '../delivery/queue.js';
import { destinationsFor } from '../delivery/routing.js';
import { Deliverer } from '../delivery/deliver.js';
import { kindNamed } from '../delivery/kinds/index.js';
import { STORED } from '../delivery/kinds/zithara/context.js';
import { type TransformLimits, TransformRunner } from '../delivery/transform-runner.js';
import { DeliveryBodies, deliveryBodyTime } from '../delivery/body-runner.js';
import { Sender } from '../delivery/send.js';
import { DeliveryStore } from '../store/deliveries.js';
import { DestinationStore } from '../store/destinations.js';
import { EarlierEvents } from '../store/earlier-events.js';
import { ResendBatchStore } from '../store/resend-batches.js';
import { TestEventLog } from '../store/test-events.js';
import { startRetention } from '../store/retention.js';
import { LiveLog } from '../live/live-log.js';
import { PublicAddress } from '../public-address/public-address.js';
import { languageOfLocale } from '../i18n/resources.js';

export interface EngineOptions {
  dataDir: string;
  keySource: DataKeySource;
  log: Logger;
  /** Command-line choices; they win over the saved settings for this run. */
  host?: string;
  port?: number;
  adminPort?: number;
  adminToken: string;
  /** The built checkpoint worker; without it the WAL is checkpointed only on close. */
  checkpointWorker: URL | null;
  /** The built JSONata process script (transform-child.ts): expressions never run in the engine itself, so without it they are refused. */
  transformScript: URL | null;
  transformLimits?: TransformLimits;
  /** The built body process script (body-child.ts), where large bodies are read; without it, they are read in the engine. */
  bodyScript?: URL | null;
  rendererDir: string | null;
  trustedOrigins?: string[];
  /** ngrok's agent ingress (`host:port`) when not ngrok's own: a custom ingress, or a test's unreachable one. */
  ngrokServerAddr?: string | null;
  /** Called with the new intake address once a save in Settings moved the intake (host or port): runtime.json. */
  onIntakeMoved?: (ingestUrl: string) => void;
}

export interface Engine {
  ingestUrl(): string;
  adminUrl: string;
  stop(): Promise<void>;
}

export const DEFAULT_SOURCE_NAME = 'POS';

/** The composition root of the engine: store, delivery queue, intake listener and admin API, started in that order and stopped in reverse. */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const { log } = options;
  lockDownDataFolder(options.dataDir);
  const folder = holdDataFolder(options.dataDir);
  const box = createSecretBox(await options.keySource.load());
  const databaseFile = join(options.dataDir, 'hookferry.db');
  const db = openDatabase(databaseFile);
  const live = new LiveLog();
  const sources = new SourceStore(db, box, (name) => {
    log.warn({ source: name }, 'a stored secret no longer opens with the data key');
    live.notice('warn', 'notice.sourceSecretLost', { source: name });
  });
  if (sources.count() === 0)
    sources.create({ name: DEFAULT_SOURCE_NAME, kind: 'generic', verification: { type: 'none' } });
  const settings = new SettingsStore(db, box, process.env.HOOKFERRY_TEST_NEARBY_PUBLIC_ADDRESS === '1');
  // A first start speaks the computer's language (a shop PC set to Vietnamese opens in Vietnamese); later the merchant's choice.
  if (!settings.saved())
    settings.update({ language: languageOfLocale(Intl.DateTimeFormat().resolvedOptions().locale) });
  log.level = settings.get().debugLogging ? 'debug' : 'info';
  const checkpointer: Checkpointer | null =
    options.checkpointWorker && !holdsAlone(db) ? startCheckpointer(options.checkpointWorker, databaseFile, log) : null;
  const destinations = new DestinationStore(db, box, kindNamed, (name) => {
    log.warn({ destination: name }, 'a stored secret no longer opens with the data key');
    live.notice('warn', 'notice.destinationSecretLost', { destination: name });
  });
  const deliveries = new DeliveryStore(db);
  const events = new EventReader(db);
  const sender = new Sender();
  const bodyTime = deliveryBodyTime(process.env);
  const transforms = new TransformRunner(options.transformScript, options.transformLimits, bodyTime);
  const largeBodies = new LargeBodyReader(options.bodyScript ?? null, largeBodyLimits(process.env));
  const deliveryBodies = new DeliveryBodies(options.bodyScript ?? null, databaseFile, bodyTime);
  const deliverer = new Deliverer({
    sender,
    events,
    transform: transforms.run,
    transformToText: transforms.text,
    bodies: deliveryBodies,
  });
  const queue = new DeliveryQueue({
    deliveries,
    destinations,
    deliver: (destination, event) => deliverer.deliver(destination, event),
    live,
    log,
    paused: () => settings.get().deliveriesPaused,
    recorded: (deliveryId) => actions.recorded(deliveryId),
  });
  queue.recallFailures();
  try {
    queue.recordInterrupted();
  } catch (error) {
    // No room to write them down now: they are sent again all the same, and their marks go with the new results.
    log.error({ err: error }, 'could not write down the tries the last stop cut off');
  }
  const earlier = new EarlierEvents(db);
  const actions = new DeliveryActions({
    deliveries,
    batches: new ResendBatchStore(db),
    earlier,
    destinations,
    live,
    inFlight: queue.isInFlight,
    wake: () => queue.wake(),
    allPaused: () => settings.get().deliveriesPaused,
  });
  destinations.onChange(() => queue.wake());
  const writer = new EventWriter(db, {
    destinationsFor: (event) => destinationsFor(destinations.active(), event.type, event.sourceId),
    deliveries,
    committed: () => queue.wake(),
    allPaused: () => settings.get().deliveriesPaused,
  });
  // The one place the live stream learns of saved configuration, whoever saved it.
  settings.onChange(() => live.publish({ type: 'changed', what: 'settings' }));
  sources.onChange(() => live.publish({ type: 'changed', what: 'sources' }));
  destinations.onChange(() => live.publish({ type: 'changed', what: 'destinations' }));
  const stopWatchingRoom = watchRoom(options.dataDir, (full) => {
    if (full) log.warn('the disk holding the data folder is full; new events may be refused until there is room');
    else log.info('the disk holding the data folder has room again');
    live.publish({ type: 'changed', what: 'disk' });
  });
  const retention = startRetention(db, () => settings.get().retentionDays, log);

  const intakeAddress = (current: Settings) => ({
    host: options.host ?? current.intake.host,
    port: options.port ?? current.intake.port,
  });
  const slowClients = slowClientLimits(process.env);
  const intakeDeps: IntakeDeps = {
    sources,
    writer,
    live,
    log,
    settings: () => settings.get().intake,
    ownEvent: (id) => events.has(id),
    storedOrder: (sourceId, orderId) =>
      events.storedRecord(sourceId, STORED.orders.types, STORED.orders.field, orderId, LARGE_BODY_BYTES),
    slowClients,
    largeBodies,
    counts: new IntakeCounts(slowClients.tallyMs, bodyBudgetBytes(process.env)),
  };
  const openIntake = (current: Settings) => {
    const { host, port } = intakeAddress(current);
    return startIntake(intakeDeps, host, port);
  };
  let intakeRefused: PortRefusal | null = null;
  /** Opens the intake where `current` says; a saved port it cannot open must not leave the shop with no listener. */
  const openIntakeOrFree = async (current: Settings): Promise<IntakeListener> => {
    try {
      const listener = await openIntake(current);
      intakeRefused = null;
      return listener;
    } catch (error) {
      // A port named on the command line is its caller's to fix.
      if (options.port !== undefined) throw error;
      const { host, port } = intakeAddress(current);
      intakeRefused = { port, code: codeOf(error) };
      log.error({ port, code: intakeRefused.code }, 'the saved intake port could not be opened; using a free port');
      return startIntake(intakeDeps, host, 0);
    }
  };
  let intake: IntakeListener = await openIntakeOrFree(settings.get());
  /** The listener the ngrok tunnel forwards to, opened the first time the tunnel is, on this PC only. */
  let tunnelIntake: Promise<IntakeListener> | null = null;
  const openTunnelIntake = () => {
    tunnelIntake ??= startIntake(intakeDeps, '127.0.0.1', 0, { behindTunnel: true });
    tunnelIntake.catch(() => (tunnelIntake = null));
    return tunnelIntake.then((listener) => listener.url);
  };
  const publicAddress = new PublicAddress({
    settings: () => settings.get().publicAddress,
    authtoken: () => settings.ngrokAuthtoken(),
    intakeUrl: () => intake.url,
    tunnelIntakeUrl: openTunnelIntake,
    live,
    log,
    ngrokServerAddr: options.ngrokServerAddr ?? null,
  });
  publicAddress.apply();

  const updateSettings = async (patch: SettingsUpdate): Promise<Settings> => {
    const before = settings.get();
    // Refused as a whole before any port is tried: an address this PC lacks is not a port problem.
    settings.check(patch);
    // A port opened only at a later start (the dashboard's; the intake's while the command line fixes the running
    // one) is tried now, so one that cannot be opened is said at Save, not then. Hookferry's own ports are not another
    // program's: a port it already uses is refused below as the same port twice, if it is.
    const running = [adminPort, Number(new URL(intake.url).port)];
    await refuseUnopenable(['adminPort'], '127.0.0.1', patch.adminPort, [
      ...running,
      before.adminPort,
      patch.intake?.port ?? before.intake.port,
    ]);
    if (options.port !== undefined)
      await refuseUnopenable(['intake', 'port'], patch.intake?.host ?? before.intake.host, patch.intake?.port, [
        ...running,
        before.intake.port,
        before.adminPort,
      ]);
    const after = settings.update(patch);
    log.level = after.debugLogging ? 'debug' : 'info';
    if (before.deliveriesPaused !== after.deliveriesPaused) {
      live.notice('info', after.deliveriesPaused ? 'notice.paused' : 'notice.resumed');
      queue.wake();
    }
    // A port refused at the start is tried again when the merchant saves it again (the other program may be gone).
    const retry = intakeRefused !== null && patch.intake?.port !== undefined;
    if (retry || JSON.stringify(intakeAddress(before)) !== JSON.stringify(intakeAddress(after))) {
      await intake.close();
      try {
        intake = await openIntake(after);
        intakeRefused = null;
      } catch (error) {
        settings.update(before);
        intake = await openIntakeOrFree(before);
        // Back where it was, or on a free port if that was taken meanwhile.
        options.onIntakeMoved?.(intake.url);
        const { host, port } = intakeAddress(after);
        throw listenRefused(['intake', 'port'], host, port, codeOf(error));
      }
      live.notice('info', 'notice.intakeMoved', { url: intake.url });
      // Every source's intake address moved with the listener: open dashboards read them again.
      live.publish({ type: 'changed', what: 'sources' });
      options.onIntakeMoved?.(intake.url);
    }
    publicAddress.apply();
    return after;
  };

  let adminPort = 0;
  let adminRefused: PortRefusal | null = null;
  const ctx: AdminContext = {
    sources,
    events,
    destinations,
    deliveries,
    actions,
    earlier,
    queue,
    testEvents: new TestEventLog(db, deliveries),
    deliverer,
    bodies: deliveryBodies,
    settings,
    live,
    log,
    ingestUrl: () => intake.url,
    publicAddress,
    listening: () => ({
      intake: {
        host: intakeAddress(settings.get()).host,
        port: Number(new URL(intake.url).port),
        fromCommandLine: options.port !== undefined,
        hostFromCommandLine: options.host !== undefined,
        savedPortRefused: intakeRefused,
      },
      admin: { port: adminPort, fromCommandLine: options.adminPort !== undefined, savedPortRefused: adminRefused },
    }),
    updateSettings,
    diskFull: () => isFull(options.dataDir),
    inOneTransaction: (work) => writeTransaction(db, work)(),
    checkExpressions: (expressions) => transforms.check(expressions),
  };
  const openAdmin = (port: number) =>
    startAdmin(ctx, {
      port,
      token: options.adminToken,
      rendererDir: options.rendererDir,
      trustedOrigins: options.trustedOrigins ?? [],
    });
  let admin;
  try {
    admin = await openAdmin(options.adminPort ?? settings.get().adminPort);
  } catch (error) {
    if (options.adminPort !== undefined) throw error;
    // The dashboard's address is handed over at each start (the desktop app, runtime.json): a free port serves as well.
    adminRefused = { port: settings.get().adminPort, code: codeOf(error) };
    log.error(adminRefused, 'the saved dashboard port could not be opened; using a free port');
    admin = await openAdmin(0);
  }
  adminPort = Number(new URL(admin.url).port);
  log.info({ dataDir: options.dataDir, keys: options.keySource.description }, 'engine started');
  queue.wake();

  return {
    ingestUrl: () => intake.url,
    adminUrl: admin.url,
    async stop() {
      await publicAddress.stop();
      // A body being read is refused (503, send again) rather than held: stopping waits for every open request.
      await largeBodies.close();
      await intake.close();
      await (await tunnelIntake?.catch(() => null))?.close();
      await admin.close();
      writer.close();
      afterCommitOf(db).close();
      retention.stop();
      stopWatchingRoom();
      await queue.stop();
      await transforms.close();
      await deliveryBodies.close();
      sender.close();
      await checkpointer?.stop();
      db.close();
      folder.release();
      log.info('engine stopped');
    },
  };
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';

/** Refuses `wanted` under its field when it is a port this computer will not let Hookferry open now. */
async function refuseUnopenable(path: string[], host: string, wanted: number | undefined, own: number[]) {
  if (wanted === undefined || wanted === 0 || own.includes(wanted)) return;
  const problem = await portProblem(host, wanted);
  if (problem) throw listenRefused(path, host, wanted, problem);
}

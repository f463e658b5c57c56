import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { PublicAddressSettings, PublicAddressStatus } from '../api/contract.js';
import type { LiveLog } from '../live/live-log.js';
import { classifyNgrokError, scrub } from './ngrok-errors.js';
import { loadNgrok, type NgrokTunnel, openNgrokTunnel } from './ngrok-tunnel.js';
import { inEnglish } from '../i18n/english.js';
import { publicAddressReasons } from '../i18n/reasons/public-address.js';
import { reachesThisEngine, whyUnreached } from './own-check.js';
import { type Problem, problem } from './problem.js';

export interface PublicAddressDeps {
  settings: () => PublicAddressSettings;
  /** The stored authtoken, opened; null when none is stored or it no longer opens. */
  authtoken: () => string | null;
  /** Where the intake listener is now: the shop's own address is checked against it. */
  intakeUrl: () => string;
  /** Opens (once) the listener the ngrok tunnel forwards to, and says where it is (see intake/tunnel-senders.ts). */
  tunnelIntakeUrl: () => Promise<string>;
  live: LiveLog;
  log: Logger;
  /** ngrok's agent ingress when not ngrok's own (`host:port`). */
  ngrokServerAddr: string | null;
}

/** A session that neither opens nor fails by then is treated as unreachable (a network that drops packets). */
const CONNECT_TIMEOUT_MS = 20_000;
/** Closing a session is an RPC to ngrok; an engine stopping does not wait longer than this for it. */
const CLOSE_TIMEOUT_MS = 2_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/**
 * The shop's own address is checked this often, reached or not: a tunnel may stop, and the dashboard must not call
 * it online for long after (a probe a minute costs the shop nothing). `HOOKFERRY_TEST_OWN_CHECK_MS` shortens it so a
 * test can watch a tunnel stop; nothing but tests sets it.
 */
function ownCheckMs(env: NodeJS.ProcessEnv): number {
  const override = Number(env.HOOKFERRY_TEST_OWN_CHECK_MS);
  return Number.isInteger(override) && override > 0 ? override : 60_000;
}
const OWN_CHECK_MS = ownCheckMs(process.env);

const OFF: PublicAddressStatus = { mode: 'off', status: 'off', url: null, error: null, reason: null };

/**
 * The engine's public address: nothing, the shop's own (a URL we only pass on), or an ngrok tunnel
 * opened here, in the engine process, forwarding to an intake listener of its own and never to the admin port.
 * Every change of state goes out on the live stream as `public-address`.
 */
export class PublicAddress {
  private current: PublicAddressStatus = OFF;
  /** What the running address was made from; a change restarts it. Kept in memory only. */
  private plan = '';
  /** Bumped on every restart and on stop: work begun for an older one drops its result. */
  private generation = 0;
  private tunnel: NgrokTunnel | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly deps: PublicAddressDeps) {}

  status(): PublicAddressStatus {
    return this.current;
  }

  /** The base URL senders outside the shop use, when there is one. */
  base(): string | null {
    return this.current.url;
  }

  /** Brings the address in line with the settings and the intake's URL; restarts only when something it depends on changed. */
  apply(): void {
    if (this.stopped) return;
    const settings = this.deps.settings();
    const authtoken = settings.mode === 'ngrok' ? this.deps.authtoken() : null;
    const intakeUrl = this.deps.intakeUrl();
    // The ngrok tunnel forwards to a listener of its own, which does not move with the intake's.
    const plan = JSON.stringify([settings, authtoken, settings.mode === 'own' ? intakeUrl : null]);
    if (plan === this.plan) return;
    this.plan = plan;
    const generation = ++this.generation;
    this.clearRetry();
    this.failures = 0;
    const closing = this.closeTunnel();

    if (settings.mode === 'off') return this.set(OFF);
    if (settings.mode === 'own') {
      this.set({ mode: 'own', status: 'connecting', url: settings.url, error: null, reason: null });
      if (settings.url) void this.checkOwn(generation, settings.url, intakeUrl);
      return;
    }
    const fixedUrl = settings.ngrok.domain ? `https://${settings.ngrok.domain}` : null;
    if (!authtoken) {
      const missing = settings.ngrok.authtokenSet
        ? problem('public-address-key-lost', {}, false)
        : problem('public-address-no-authtoken', {}, false);
      return this.fail(generation, missing, fixedUrl);
    }
    this.set({ mode: 'ngrok', status: 'connecting', url: fixedUrl, error: null, reason: null });
    // One session at a time: the old one lets go of the domain before the new one asks for it.
    void closing.then(() => this.connect(generation, authtoken, settings.ngrok.domain));
  }

  /** Closes the tunnel, waiting for ngrok no longer than CLOSE_TIMEOUT_MS. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    this.clearRetry();
    await this.closeTunnel();
  }

  private async connect(generation: number, authtoken: string, domain: string | null) {
    if (generation !== this.generation) return;
    const fixedUrl = domain ? `https://${domain}` : null;
    try {
      await loadNgrok();
    } catch (error) {
      this.deps.log.error({ err: error }, 'the ngrok SDK could not be loaded');
      return this.fail(
        generation,
        problem('public-address-unavailable', { detail: scrub((error as Error).message, authtoken) }, false),
        fixedUrl,
      );
    }
    // Stopped meanwhile: nothing more is opened, not even the tunnel's listener.
    if (generation !== this.generation) return;
    let tunnel: NgrokTunnel;
    try {
      tunnel = await this.open(generation, authtoken, domain);
    } catch (error) {
      if (generation !== this.generation) return;
      const found = classifyNgrokError(error, { authtoken, domain });
      // Logged when the reason changes, not on every retry of the same one.
      if (this.current.reason?.code !== found.reason.code)
        this.deps.log.warn(
          { code: found.reason.code, detail: scrub(error instanceof Error ? error.message : String(error), authtoken) },
          'the public address (ngrok) did not open',
        );
      this.fail(generation, found, fixedUrl);
      if (found.retry) {
        const delay = Math.min(FIRST_RETRY_MS * 2 ** this.failures++, MAX_RETRY_MS);
        this.retryTimer = setTimeout(() => void this.connect(generation, authtoken, domain), delay);
        this.retryTimer.unref();
      }
      return;
    }
    if (generation !== this.generation) return void bounded(tunnel.close());
    this.tunnel = tunnel;
    this.failures = 0;
    this.deps.log.info({ url: tunnel.url, forwardTo: tunnel.forwardTo }, 'public address (ngrok) online');
    this.set({ mode: 'ngrok', status: 'online', url: tunnel.url, error: null, reason: null });
  }

  /** Opens the tunnel, or fails after CONNECT_TIMEOUT_MS; a session that opens after that is closed at once. */
  private open(generation: number, authtoken: string, domain: string | null) {
    let abandoned = false;
    const opening = this.deps.tunnelIntakeUrl().then((forwardTo) =>
      openNgrokTunnel({
        authtoken,
        domain,
        forwardTo,
        serverAddr: this.deps.ngrokServerAddr,
        onDown: (error) => {
          if (generation !== this.generation || this.current.status !== 'online') return;
          const found = classifyNgrokError(new Error(error), { authtoken, domain });
          this.deps.log.warn({ code: found.reason.code }, 'the public address (ngrok) lost its connection');
          this.set({ ...this.current, status: 'connecting', error: found.sentence, reason: found.reason });
        },
        onHeartbeat: () => {
          if (generation !== this.generation || !this.tunnel || this.current.status === 'online') return;
          this.set({ ...this.current, status: 'online', url: this.tunnel.url, error: null, reason: null });
        },
      }),
    );
    opening.then(
      (late) => abandoned && void bounded(late.close()),
      () => {},
    );
    return Promise.race([
      opening,
      sleep(CONNECT_TIMEOUT_MS, undefined, { ref: false }).then(() => {
        abandoned = true;
        throw new Error('failed to connect session: timed out');
      }),
    ]);
  }

  /**
   * The shop's own address is online once this engine answers through it; until then it is `unverified`
   * (a router may refuse a check from inside the shop that works from outside). Checked again each minute.
   */
  private async checkOwn(generation: number, url: string, forwardTo: string): Promise<void> {
    const result = await reachesThisEngine(url);
    if (generation !== this.generation) return;
    if (result.ok) this.set({ mode: 'own', status: 'online', url, error: null, reason: null });
    else {
      const port = new URL(forwardTo).port;
      const found = result.answeredBy
        ? problem('public-address-own-other', { url, port })
        : unreached(url, port, result.code);
      if (this.current.reason?.code !== found.reason.code)
        this.deps.log.warn({ url, code: result.code }, 'the shop’s own public address did not reach this engine');
      this.set({ mode: 'own', status: 'unverified', url, error: found.sentence, reason: found.reason });
    }
    this.retryTimer = setTimeout(() => void this.checkOwn(generation, url, forwardTo), OWN_CHECK_MS);
    this.retryTimer.unref();
  }

  private fail(generation: number, found: Problem, url: string | null): void {
    if (generation !== this.generation) return;
    this.set({ mode: 'ngrok', status: 'error', url, error: found.sentence, reason: found.reason });
  }

  private set(next: PublicAddressStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.deps.live.publish({ type: 'public-address', ...next });
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async closeTunnel(): Promise<void> {
    const tunnel = this.tunnel;
    this.tunnel = null;
    if (tunnel) await bounded(tunnel.close());
  }
}

/** Waits for ngrok to finish closing, but never longer than CLOSE_TIMEOUT_MS, and never fails. */
function bounded(closing: Promise<void>): Promise<void> {
  return Promise.race([closing.catch(() => {}), sleep(CLOSE_TIMEOUT_MS, undefined, { ref: false })]);
}

/** The own address not reached from here, with why in words; `whyCode` lets the dashboard say the why in its language. */
function unreached(url: string, port: string, code: string | null): Problem {
  const whyCode = whyUnreached(code);
  return problem('public-address-own-unreached', { url, port, why: inEnglish(publicAddressReasons, whyCode), whyCode });
}

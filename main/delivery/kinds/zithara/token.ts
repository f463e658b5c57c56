import type { ActiveDestination } from '../../../store/destinations.js';
import type { Outcome, Sender } from '../../send.js';
import { type DeliveryCode, said, type Said } from '../../said.js';
import { answerOf, zitharaUrl } from './api.js';
import { zitharaSettingsOf } from './settings.js';

/** Fetch a new token this long before the old one expires. */
const REFRESH_EARLY_MS = 60_000;
const DEFAULT_EXPIRES_IN_S = 3600;

interface Cached {
  token: string;
  expiresAt: number;
  /** The credentials it was issued for: a changed client id or secret makes it stale. */
  key: string;
}

export type TokenResult = { token: string } | { failure: Outcome };

/**
 * Zithara access tokens, one per destination, shared by all its deliveries: one
 * fetch at a time (concurrent deliveries wait for the same one), reused until a
 * minute before it expires. Tokens live in memory only and are never logged.
 */
export class ZitharaTokens {
  private readonly cache = new Map<string, Cached>();
  private readonly fetching = new Map<string, Promise<TokenResult>>();

  constructor(private readonly sender: Sender) {}

  get(destination: ActiveDestination): Promise<TokenResult> {
    const { clientId, clientSecret } = zitharaSettingsOf(destination);
    const key = `${destination.url}\n${clientId}\n${clientSecret}`;
    const cached = this.cache.get(destination.id);
    if (cached && cached.key === key && cached.expiresAt - REFRESH_EARLY_MS > Date.now())
      return Promise.resolve({ token: cached.token });
    let pending = this.fetching.get(destination.id);
    if (!pending) {
      pending = this.fetch(destination, key).finally(() => this.fetching.delete(destination.id));
      this.fetching.set(destination.id, pending);
    }
    return pending;
  }

  invalidate(destinationId: string): void {
    this.cache.delete(destinationId);
  }

  private async fetch(destination: ActiveDestination, key: string): Promise<TokenResult> {
    const { clientId, clientSecret } = zitharaSettingsOf(destination);
    const outcome = await this.sender.send(destination.id, destination.concurrency, {
      url: zitharaUrl(destination, '/generate-access-token'),
      method: 'GET',
      headers: {
        client_id: clientId,
        client_secret: clientSecret,
        accept: 'application/json',
      },
      timeoutMs: destination.timeoutMs,
    });
    // Node would not write the saved client id or secret as a header (saved before they were checked): nothing
    // went out, and nothing will until they are typed again.
    if (outcome.category === 'invalid') {
      const why = said('zithara.credentialsUnsendable');
      return { failure: { ...outcome, ...saidAs(why), final: true } };
    }
    if (outcome.httpStatus !== 200 && outcome.httpStatus !== 201) {
      // Wrong client id or secret: every order would be refused the same way until the merchant corrects them.
      const refused = outcome.httpStatus === 401 || outcome.httpStatus === 403;
      const why = refused
        ? said('zithara.refused', { status: outcome.httpStatus ?? '' })
        : outcome.httpStatus === null
          ? unreachable(destination, outcome)
          : said('zithara.noToken', {
              // The problem's own code beside its English words, so the dashboard says it in the merchant's language.
              ...outcome.reason?.params,
              problem: outcome.error ?? `HTTP ${outcome.httpStatus}`,
              ...(outcome.reason ? { problemCode: outcome.reason.code } : {}),
            });
      return {
        failure: {
          ...outcome,
          category: outcome.category === 'delivered' ? 'http' : outcome.category,
          error: why.text,
          reason: why.reason,
          responseSnippet: null,
          final: refused,
        },
      };
    }
    const answer = answerOf(outcome);
    if (typeof answer.access_token !== 'string' || !answer.access_token) {
      return {
        failure: {
          ...outcome,
          category: 'http',
          ...saidAs(said('zithara.noAccessToken')),
          responseSnippet: null,
        },
      };
    }
    const expiresIn =
      typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : DEFAULT_EXPIRES_IN_S;
    this.cache.set(destination.id, { token: answer.access_token, expiresAt: Date.now() + expiresIn * 1000, key });
    return { token: answer.access_token };
  }
}

/**
 * No answer from Zithara at all (refused, timed out, no such name, a certificate): said as Zithara not reached at
 * its address, with a short why, not as the credentials refused, nor with advice about "the receiving program".
 */
function unreachable(destination: ActiveDestination, outcome: Outcome): Said {
  const code = outcome.reason?.code ?? '';
  const why: DeliveryCode =
    code === 'delivery.refused'
      ? 'zithara.why.refused'
      : code.startsWith('delivery.timeout')
        ? 'zithara.why.timeout'
        : code === 'delivery.notFound'
          ? 'zithara.why.notFound'
          : code.startsWith('delivery.cert')
            ? 'zithara.why.certificate'
            : 'zithara.why.connection';
  const params = { ...outcome.reason?.params, host: new URL(destination.url).host };
  // The why's own code beside its English words, so the dashboard says it in the merchant's language.
  return said('zithara.unreachable', { ...params, why: said(why, params).text, whyCode: why });
}

function saidAs(why: Said): { error: string; reason: Said['reason'] } {
  return { error: why.text, reason: why.reason };
}

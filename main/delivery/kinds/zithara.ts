import { fieldRefused } from '../../lib/errors.js';
import type { ActiveDestination, SecretMap } from '../../store/destinations.js';
import type { OutgoingEvent } from '../outgoing.js';
import { type DestinationKind, previewFailed, type Sample, sealFields, testResultOf } from './kind.js';
import { ORDER_LOOKBACK_MS, STORED } from './zithara/context.js';
import { deliverToZithara } from './zithara/deliver.js';
import { zitharaMappings } from './zithara/mapping.js';
import { ZITHARA_DEV_URL, ZitharaSettings, zitharaSettingsOf } from './zithara/settings.js';
import { ZitharaTokens } from './zithara/token.js';

/** The Zithara CRM (docs/zithara-api.md): orders, customers and carts turned into its API's calls. */
export const zitharaKind: DestinationKind = {
  kind: 'zithara',
  settings: ZitharaSettings,
  secretFields: ['clientSecret'],
  info: {
    label: { en: 'Zithara CRM', vi: 'Zithara CRM' },
    // No address filled in: the only one Zithara publishes (docs/zithara-api.md) is its development server, where a
    // shop's real orders would go unseen. The merchant enters the address Zithara gave them with their credentials.
    // Vietnam's code: shops here write phone numbers as 0912…, which Zithara needs as 84912….
    defaults: { url: null, settings: { clientId: '', phoneCountryCode: '84', currency: 'VND' } },
    events: Object.keys(zitharaMappings),
    urlLabel: { en: 'Zithara API address', vi: 'Địa chỉ máy chủ Zithara' },
    urlHelp: {
      en: `The address of Zithara's API that Zithara gave you with your client id and secret (it ends in /v1). Ask Zithara if you do not have it: the only address it publishes, ${ZITHARA_DEV_URL}, is its test server, where your orders would not reach your account.`,
      vi: `Địa chỉ máy chủ Zithara mà Zithara cấp cho bạn cùng mã “Client ID” và khóa “Client Secret” (kết thúc bằng /v1). Nếu chưa có, hãy hỏi Zithara: địa chỉ duy nhất Zithara công bố, “${ZITHARA_DEV_URL}”, là máy chủ thử nghiệm, đơn hàng gửi tới đó sẽ không vào tài khoản của bạn.`,
    },
    fields: [
      {
        key: 'clientId',
        label: { en: 'Client id', vi: 'Mã “Client ID” của Zithara' },
        secret: false,
        required: true,
        placeholder: null,
      },
      {
        key: 'clientSecret',
        label: { en: 'Client secret', vi: 'Khóa “Client Secret” của Zithara' },
        secret: true,
        required: true,
        placeholder: null,
      },
      {
        key: 'phoneCountryCode',
        label: { en: 'Phone country code', vi: 'Mã quốc gia điện thoại' },
        secret: false,
        required: false,
        placeholder: '84',
      },
      { key: 'currency', label: { en: 'Currency', vi: 'Tiền tệ' }, secret: false, required: false, placeholder: 'VND' },
    ],
    help: {
      en: 'Orders, customers and carts are turned into Zithara’s format. Phone numbers that start with 0 get the country code in its place (84 for Vietnam); leave it empty to send numbers as they are.',
      vi: 'Đơn hàng, khách hàng và giỏ hàng được chuyển sang định dạng của Zithara. Số điện thoại bắt đầu bằng 0 sẽ được thay số 0 bằng mã quốc gia (84 cho Việt Nam); để trống để gửi nguyên số.',
    },
    testOk: {
      en: 'Zithara accepted the client id and secret.',
      vi: 'Zithara đã chấp nhận mã “Client ID” và khóa “Client Secret”.',
    },
  },

  seal(input, previous, options) {
    const sealed = sealFields(input, previous, ['clientSecret']);
    if (!sealed.secrets.clientSecret && !options.secretsLater)
      throw fieldRefused(['clientSecret'], 'Enter the Zithara client secret.', 'required');
    return sealed;
  },

  // The client secret was given for one Zithara server: a move to another (say from its test server) asks first.
  keptSecretsSent(input, previous) {
    const given = input.clientSecret;
    return (given === undefined || given === '') && previous.clientSecret !== undefined
      ? [{ key: 'clientSecret', name: 'Client Secret' }]
      : [];
  },

  // Removed, it has to be entered anew: a Zithara destination cannot be saved without one.
  withoutSecrets(input, keys) {
    return keys.includes('clientSecret') ? { ...input, clientSecret: null } : input;
  },

  legacySecrets(old): SecretMap {
    return typeof old.zitharaClientSecret === 'string' ? { clientSecret: old.zitharaClientSecret } : {};
  },

  connect(tools) {
    const tokens = new ZitharaTokens(tools.sender);
    const mapped = (destination: ActiveDestination, event: Sample | OutgoingEvent, preview = false) => {
      // Only the event's own source: another (one that asks no signature, say) cannot add lines to its orders.
      const scope = { eventId: 'eventId' in event ? event.eventId : event.id, since: Date.now() - ORDER_LOOKBACK_MS };
      const { currency, phoneCountryCode } = zitharaSettingsOf(destination);
      return tools.bodies.zithara(
        event,
        { currency, phoneCountryCode },
        scope,
        (orderId, which) => tools.events.bodiesMentioning(STORED[which], orderId, scope),
        preview,
      );
    };
    return {
      deliver: async (destination, event) =>
        deliverToZithara(tools.sender, tokens, destination, event, await mapped(destination, event)),
      /** A fresh token: proof the credentials work, without sending anything to the CRM. */
      test: async (destination) => {
        tokens.invalidate(destination.id);
        const started = performance.now();
        const token = await tokens.get(destination);
        if ('failure' in token) return testResultOf(token.failure);
        return {
          ok: true,
          httpStatus: 200,
          durationMs: Math.round(performance.now() - started),
          error: null,
          reason: null,
          responseSnippet: null,
        };
      },
      preview: async (destination, sample) => {
        const call = await mapped(destination, sample, true);
        if ('call' in call)
          return {
            ok: true,
            output: { ...call.call, body: JSON.parse(call.call.body) as unknown },
            eventId: sample.eventId,
          };
        return previewFailed(sample, 'skip' in call ? call.skip : 'busy' in call ? call.busy : call.invalid);
      },
    };
  },
};

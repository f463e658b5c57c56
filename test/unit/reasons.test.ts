import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { said } from '../../main/delivery/said.js';
import { refusal } from '../../main/intake/refusal.js';
import { DestinationHeaderInput, RetryPolicy, VerificationInput } from '../../main/api/contract.js';
import { ZitharaSettings } from '../../main/delivery/kinds/zithara/settings.js';
import { contractMessageInVietnamese, contractMessages } from '../../main/i18n/contract-messages.js';
import { reasonText } from '../../main/i18n/reason-text.js';
import { resources } from '../../main/i18n/resources.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { senderCatalog } from '../../main/intake/senders/index.js';
import { destinationCatalog } from '../../main/delivery/kinds/index.js';

const REASONS = join(import.meta.dirname, '..', '..', 'main', 'i18n', 'reasons');
/** A sentence's parameters; `statusCode` is the bare code of `status` (see reason-text.ts), so it counts as it. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => (match[1] === 'statusCode' ? 'status' : match[1])).sort();

type Table = { en: Record<string, string>; vi: Record<string, string> };

/** Every reason table an engine area writes (`main/i18n/reasons/*.ts`), read the way the dashboard gathers them. */
async function tables(): Promise<[string, Table][]> {
  const files = readdirSync(REASONS).filter((name) => name.endsWith('.ts'));
  const modules = await Promise.all(files.map((name) => import(join(REASONS, name)) as Promise<Record<string, Table>>));
  return modules.flatMap((module, n) => Object.values(module).map((table) => [files[n]!, table] as [string, Table]));
}

describe('reasons the engine gives', () => {
  it('says every code of every area in English and Vietnamese, with the same parameters', async () => {
    const found = await tables();
    expect(found.map(([file]) => file).sort()).toEqual(readdirSync(REASONS).sort());
    for (const [file, { en, vi }] of found) {
      expect(Object.keys(vi).sort(), file).toEqual(Object.keys(en).sort());
      for (const [code, english] of Object.entries(en)) {
        expect(placeholders(vi[code]!), code).toEqual(placeholders(english));
        expect(vi[code], code).not.toBe(english);
      }
    }
  });

  it('says an answer in Vietnamese by its code alone, without HTTP’s English name, and no English term for headers or webhooks', () => {
    const stored = said('delivery.serverError', { status: '500 Internal Server Error' });
    expect(reasonText(translatorFor('vi'), stored.reason, stored.text)).toBe(
      'Nơi nhận trả lời mã 500: lỗi nằm ở phía nơi nhận. Nếu lỗi kéo dài, hãy báo cho người quản lý nơi nhận.',
    );
    expect(reasonText(translatorFor('en'), stored.reason, stored.text)).toBe(stored.text);
    // Zithara's body names its status too: the code says it, in either language.
    const zithara = said('zithara.refused', { status: 401 });
    expect(reasonText(translatorFor('vi'), zithara.reason, zithara.text)).toMatch(
      /^Zithara từ chối mã “Client ID” và khóa “Client Secret” \(mã 401\)/,
    );
    // Product names stay (Zithara, Teamcrop, ngrok). A sender's menus and field names are quoted as that system names them; “(header)” points at one.
    const NAMED = /\(header\)|mục Webhook|“[^”]*”/g;
    // In a reason, `{{status}}` is the answer as stored ("500 Internal Server Error"): Vietnamese says `{{statusCode}}`.
    const OTHER_PARAMETERS = /\{\{(?!status\}\})\w+\}\}/g;
    const PARAMETERS = /\{\{\w+\}\}/g;
    const english =
      /\{\{status\}\}|(?<![-\w])(headers?|webhooks?)(?![-\w])|\bHTTP\b(?!:\/\/)|\bURL\b|\bAPI\b|access token/i;
    const sentences = (tree: unknown, at: string): [string, string][] =>
      typeof tree === 'string'
        ? [[at, tree]]
        : Object.entries(tree as Record<string, unknown>).flatMap(([key, sub]) => sentences(sub, `${at}.${key}`));
    const sentencesSaid = [
      ...sentences(resources.vi.translation, 'dashboard'),
      ...sentences(contractMessages.vi, 'contract'),
      ...senderCatalog().map((sender): [string, string] => [`senders.${sender.kind}`, sender.guide.vi]),
      ...destinationCatalog().flatMap(({ kind, label, urlLabel, urlHelp, help, testOk, fields }) =>
        [label, urlLabel, urlHelp, help, testOk, ...fields.map((field) => field.label)].flatMap(
          (text): [string, string][] => (text ? [[`destinations.${kind}`, text.vi]] : []),
        ),
      ),
    ];
    const offenders = sentencesSaid
      .filter(([key, sentence]) =>
        english.test(
          sentence.replace(key.includes('.reasons.') ? OTHER_PARAMETERS : PARAMETERS, '').replace(NAMED, ''),
        ),
      )
      .map(([key, sentence]) => `${key}: ${sentence}`);
    expect(offenders).toEqual([]);
  });

  it('says why an own public address was not reached in the dashboard’s language', () => {
    const reason = {
      code: 'public-address-own-unreached',
      params: {
        url: 'https://shop.invalid',
        port: '8088',
        why: 'no such name was found',
        whyCode: 'public-address-why-not-found',
      },
    };
    expect(reasonText(translatorFor('vi'), reason, 'English')).toContain(
      'không tự truy cập được https://shop.invalid (không tìm thấy tên miền này: hãy kiểm tra lại cách viết địa chỉ)',
    );
  });

  it('writes the English sentence from the same table, beside the code and parameters', () => {
    expect(said('delivery.timeout', { seconds: 15 })).toEqual({
      text: 'No answer within 15 s.',
      reason: { code: 'delivery.timeout', params: { seconds: 15 } },
    });
    expect(refusal(0, 'intake.tooManyConnections', { address: '10.0.0.9', limit: 64, count: 5 })).toEqual({
      status: 0,
      message:
        '10.0.0.9 opened more than 64 connections at once; Hookferry closed the extra ones unanswered. Connections closed in the last minute: 5.',
      reason: { code: 'intake.tooManyConnections', params: { address: '10.0.0.9', limit: 64, count: 5 } },
    });
  });
});

describe('the dashboard’s words', () => {
  it('says engineering terms (cURL, JSONata, whsec_, ms, song song) only in parentheses or as a secret’s first letters', () => {
    const sentences = (tree: unknown, at: string): [string, string][] =>
      typeof tree === 'string'
        ? [[at, tree]]
        : Object.entries(tree as Record<string, unknown>).flatMap(([key, sub]) => sentences(sub, `${at}.${key}`));
    const said = [
      ...sentences(resources.en.translation, 'en'),
      ...sentences(resources.vi.translation, 'vi'),
      ...sentences(contractMessages.en, 'contract.en'),
      ...sentences(contractMessages.vi, 'contract.vi'),
    ];
    // What an engineer needs stays beside the plain words, in parentheses; a secret may be told by how it begins.
    const HINTS = /\([^)]*\)|(bắt đầu bằng|starts with) whsec_/g;
    const TERMS = /\bcURL\b|JSONata|whsec_|\bms\b|song song/i;
    const offenders = said
      .filter(([, sentence]) => TERMS.test(sentence.replace(HINTS, '')))
      .map(([key, sentence]) => `${key}: ${sentence}`);
    expect(offenders).toEqual([]);
  });
});

describe("the contract's own sentences for a field", () => {
  it('says each in Vietnamese too, and finds it by its English words', () => {
    expect(Object.keys(contractMessages.vi).sort()).toEqual(Object.keys(contractMessages.en).sort());
    for (const [key, english] of Object.entries(contractMessages.en)) {
      expect(contractMessageInVietnamese(english), key).toBe(
        contractMessages.vi[key as keyof typeof contractMessages.vi],
      );
      expect(contractMessages.vi[key as keyof typeof contractMessages.vi], key).not.toBe(english);
    }
    expect(contractMessageInVietnamese('Something the contract never said.')).toBeNull();
  });

  it('is what the schemas refuse with', () => {
    const refused = DestinationHeaderInput.safeParse({ name: 'X Shop Key', value: 'k' });
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([contractMessages.en.headerNameChars]);
    // Node and got drop a header of this name on the way: it would be saved and never sent, or never found.
    for (const name of ['__proto__', '__PROTO__']) {
      const refusals = [
        DestinationHeaderInput.safeParse({ name, value: 'k' }),
        VerificationInput.safeParse({ type: 'header', header: name, value: 'k' }),
      ].map((result) => result.error?.issues.map((issue) => issue.message));
      expect(refusals).toEqual([
        [contractMessages.en.headerNameUnsendable],
        [contractMessages.en.headerNameUnsendable],
      ]);
      expect(contractMessages.en.headerNameUnsendable).toMatch(/__proto__/);
    }
    expect(DestinationHeaderInput.safeParse({ name: 'constructor', value: 'k' }).success).toBe(true);
    // A country code typed the way it is dialled is the same code; letters are refused with the sentence.
    expect(ZitharaSettings.parse({ clientId: 'c', phoneCountryCode: '+84' }).phoneCountryCode).toBe('84');
    expect(ZitharaSettings.safeParse({ clientId: 'c', phoneCountryCode: 'VN' }).error?.issues[0]?.message).toBe(
      contractMessages.en.zitharaCountryCode,
    );
    // A number kept in milliseconds is refused in the seconds the form shows, not as "at least 100".
    expect(RetryPolicy.safeParse({ initialDelayMs: 0 }).error?.issues[0]?.message).toBe(
      contractMessages.en.firstRetryRange,
    );
  });
});

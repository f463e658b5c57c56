import { describe, expect, it } from 'vitest';
import { resources } from '../../main/i18n/resources.js';
import { translatorFor } from '../../main/i18n/translator.js';

type Tree = { [key: string]: string | string[] | Tree };

/** Every sentence of a language, by its key (`failed.confirmDiscard_one`, `reasons.config.create`). */
const sentences = (tree: Tree, at = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${at}${key}`, value] as [string, string]]
      : Array.isArray(value)
        ? value.map((text, n) => [`${at}${key}.${n}`, text] as [string, string])
        : sentences(value, `${at}${key}.`),
  );

const LANGUAGES = ['en', 'vi'] as const;

/**
 * A shopkeeper's walk read "press Tiếp tục gửi on its card" beside a card whose button says "Tiếp tục", and "press
 * Sửa on its card" on the Overview, whose cards have no Sửa: a sentence names a button as it is labelled, and where.
 */
describe('sentences that name a button', () => {
  it('name the button of a new, paused destination exactly as its card labels it, and the page of that card', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      const sentence = t('reasons.config.destinationPaused');
      const where = language === 'en' ? `under ${t('nav.destinations')}` : `trong mục ${t('nav.destinations')}`;
      const press = language === 'en' ? 'press' : 'bấm';
      expect(sentence, language).toContain(`${press} ${t('destinationCard.resume')} `);
      expect(sentence, language).toContain(where);
    }
  });

  it('say under Destinations where a card’s Edit is, as the Overview’s cards have none', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      const edit = t('destinationCard.edit');
      const press = new RegExp(language === 'en' ? `(press|\\() ?${edit}\\b` : `bấm ${edit}\\b`, 'i');
      const where = language === 'en' ? `under ${t('nav.destinations')}` : `trong mục ${t('nav.destinations')}`;
      // The card's own words for its Edit, said on a card that has one (see the next test).
      const naming = sentences(resources[language].translation as unknown as Tree).filter(
        ([key, text]) => key !== 'destinationCard.editHere' && press.test(text),
      );
      expect(naming.length, language).toBeGreaterThan(5);
      for (const [key, text] of naming) expect(text, `${language} ${key}`).toContain(where);
    }
  });

  // Step 4 said "and save" ("rồi lưu") beside a button labelled Save public address (Lưu địa chỉ công khai).
  it('name the public address’s Save button, in the ngrok guide, as it is labelled', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      const steps = t('publicAddress.guide.steps', { returnObjects: true }) as unknown as string[];
      const press = language === 'en' ? 'press' : 'bấm';
      expect(steps[3], language).toContain(`${press} ${t('publicAddress.save')}.`);
    }
  });

  it('point at a card’s Edit in one set of words, which a card with its own Edit says as “below”', () => {
    // A walk read "(bấm Sửa trên thẻ của nó trong mục Nơi nhận)" on that very card, beside its Sửa.
    const pointer = { en: /\([^()]*Edit on its card[^()]*\)/g, vi: /\([^()]*Sửa trên thẻ của nó[^()]*\)/g };
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      const elsewhere = t('destinationCard.editElsewhere');
      const pointing = sentences(resources[language].translation as unknown as Tree).flatMap(([key, text]) =>
        [...text.matchAll(pointer[language])].map((match) => [key, match[0]] as const),
      );
      expect(pointing.length, language).toBeGreaterThan(2);
      for (const [key, said] of pointing) expect(said, `${language} ${key}`).toBe(elsewhere);
      const here = t('destinationCard.editHere');
      expect(here, language).toContain(t('destinationCard.edit'));
      expect(here, language).not.toContain(t('nav.destinations'));
    }
  });

  it('name Create source on a new source and Save on a saved one, as their buttons say', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      for (const secret of ['value', 'secret']) {
        const before = language === 'en' ? 'before you press' : 'trước khi bấm';
        expect(t(`sources.${secret}MadeHereNew`)).toContain(`${before} ${t('sources.create')}:`);
        expect(t(`sources.${secret}MadeHereSaved`)).toContain(`${before} ${t('common.save')}:`);
        expect(t(`sources.${secret}MadeHereSaved`)).not.toContain(t('sources.create'));
      }
    }
  });
});

/**
 * Vietnamese has one form for every count (CLDR's "other"), so i18next says a `_other` sentence for 1 as well: "Bỏ 1
 * lần gửi lỗi… chúng rời khỏi" read "them" of one delivery. A Vietnamese sentence with a count reads right for 1.
 */
describe('Vietnamese sentences with a count', () => {
  it('are said for 1 from the one form, and say no plural “chúng” of what they count', () => {
    expect(new Intl.PluralRules('vi').resolvedOptions().pluralCategories).toEqual(['other']);
    const t = translatorFor('vi');
    for (const key of ['failed.confirmDiscard', 'failed.noneYet', 'reasons.preview.busy'])
      expect(t(key, { count: 1, name: 'Sổ sách' }), key).not.toMatch(/\b[Cc]húng\b/);
  });
});

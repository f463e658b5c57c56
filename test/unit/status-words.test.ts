import { describe, expect, it } from 'vitest';
import { languages } from '../../main/i18n/resources.js';
import { translatorFor } from '../../main/i18n/translator.js';

describe('the words for an event’s status', () => {
  it('call an event not yet sent everywhere by one name on the Overview and in the live log', () => {
    for (const language of languages) {
      const t = translatorFor(language);
      expect(t('status.pending'), language).toBe(t('overview.todayName.pending'));
    }
    expect(translatorFor('vi')('status.pending')).toBe('Đang gửi');
  });
});

import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** Words (Vietnamese: syllables) a shopkeeper reads above the list: what to do, not how the list works (it was 173). */
const MOST_WORDS = 40;

const words = (text: string) => text.trim().split(/\s+/).length;

/**
 * The Failed page opened with a grey paragraph of about 100 words, five lines, "fix it, then press Resend" in its
 * middle. What to do comes first and alone; how the list works, and when a resend may send twice, a click away.
 */
describe.skipIf(!hasChromium)('the Failed page’s intro', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      const books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ kế toán', url: books.url, retry: once } });
      expect((await post(await serve.posUrl(), order('INTRO-1'), orderAdd)).status).toBe(200);
      await waitUntil(async () => (await serve.api('getStats')).open.failed === 1, 'the order in Failed');
    },
  });

  it('says what to do in a sentence, the rest behind "more", in both languages', async () => {
    const { page } = ui;
    await openPage(page, 'Lỗi gửi', 'Lỗi gửi');
    await page.getByTestId('failed-row').waitFor();
    const help = page.getByTestId('failed-help');
    expect(words(await help.innerText())).toBeLessThanOrEqual(MOST_WORDS);
    await help.getByText(/^Hãy sửa theo lý do bên dưới, rồi bấm Gửi lại/).waitFor();
    await screenshot(page, 'failed-intro-vi');

    await setLanguage(ui.serve, page, 'en');
    await help.getByText(/^Fix what the reason says, then press Resend/).waitFor();
    expect(words(await help.innerText())).toBeLessThanOrEqual(MOST_WORDS);
    // What matters before a resend is still there, a click away.
    await help.getByText('More about this list').click();
    await help.getByText(/look at the destination before you resend, or it may get the event twice\./).waitFor();
    await screenshot(page, 'failed-intro-more-en');
    expect(ui.problems).toEqual([]);
  }, 60_000);
});

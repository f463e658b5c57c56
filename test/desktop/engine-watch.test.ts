import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings, StreamMessage } from '../../main/api/contract.js';
import { EngineWatch } from '../../main/desktop/engine-watch.js';
import { trayView } from '../../main/desktop/tray-state.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

describe('the tray’s watch on a real serve process', () => {
  let serve: ServeProcess;
  let watch: EngineWatch;
  let settings: Settings | null = null;
  const notices: Extract<StreamMessage, { type: 'notice' }>[] = [];

  beforeAll(async () => {
    const dataDir = tempDir();
    serve = await startServe(dataDir);
    watch = new EngineWatch(
      {
        type: 'ready',
        ingestUrl: serve.runtime.ingestUrl,
        adminUrl: serve.runtime.adminUrl,
        adminToken: serve.runtime.adminToken,
        dataDir,
      },
      {
        stats: () => {},
        message: (message) => message.type === 'notice' && notices.push(message),
        settings: (next) => (settings = next),
      },
    );
    watch.start();
    await waitUntil(() => settings !== null, 'the settings read at connection');
  });
  afterAll(async () => {
    watch?.stop();
    await serve?.stop();
  });

  const menuOf = () =>
    trayView({
      engine: { phase: 'starting', restarts: 0 },
      stats: null,
      startAtLogin: false,
      language: settings!.language,
      publicAddress: null,
    }).menu[0]!.label;

  it('follows the language chosen anywhere, without a restart', async () => {
    expect(menuOf()).toBe('Open Hookferry');
    await serve.api('putSettings', { body: { language: 'vi' } });
    await waitUntil(() => menuOf() === 'Mở Hookferry', 'the tray in Vietnamese');
    await serve.api('putSettings', { body: { language: 'en' } });
    await waitUntil(() => menuOf() === 'Open Hookferry', 'the tray in English again');
  });

  it('hears the engine’s notices with a code the shared sentences say in Vietnamese', async () => {
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    await waitUntil(() => notices.some((notice) => notice.reason.code === 'notice.paused'), 'the pause notice');
    const notice = notices.find((candidate) => candidate.reason.code === 'notice.paused')!;
    expect(notice.message).toBe('Deliveries are paused. Events are still received and kept.');
    expect(translatorFor('vi')(`reasons.${notice.reason.code}`, notice.reason.params)).toBe(
      'Đã tạm dừng gửi. Sự kiện vẫn được nhận và lưu lại.',
    );
  });
});

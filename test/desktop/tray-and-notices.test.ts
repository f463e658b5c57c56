import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DestinationStats, Stats, StreamMessage } from '../../main/api/contract.js';
import type { EngineState } from '../../main/desktop/engine-supervisor.js';
import { type Notice, Notifier } from '../../main/desktop/notifier.js';
import { sameView, trayView } from '../../main/desktop/tray-state.js';

const runningEngine: EngineState = {
  phase: 'running',
  restarts: 0,
  engine: {
    type: 'ready',
    ingestUrl: 'http://127.0.0.1:8780',
    adminUrl: 'http://127.0.0.1:8781',
    adminToken: 't',
    dataDir: '/d',
  },
};

function destination(overrides: Partial<DestinationStats> = {}): DestinationStats {
  return {
    id: 'd1',
    name: 'Sheet',
    health: 'healthy',
    mendedByTest: false,
    tried: true,
    backlog: 0,
    sending: 0,
    failed: 0,
    lastError: null,
    lastReason: null,
    lastErrorAt: null,
    nextTryAt: null,
    lastTryFailed: false,
    successRate: 1,
    p95Ms: 20,
    heldBy: null,
    lastTest: null,
    testFailing: false,
    ...overrides,
  };
}

function stats(overrides: Partial<Stats> = {}): Stats {
  return {
    today: {
      received: 0,
      pending: 0,
      delivered: 12,
      failed: 0,
      discarded: 0,
      skipped: 0,
      rejected: 1,
      partlyDelivered: 0,
      partlyDiscarded: 0,
    },
    open: { pending: 0, failed: 0 },
    hourly: [],
    deliveries: { pending: 0, retrying: 0, delivering: 0, waitingForPaused: 0, heldBehindFailed: 0, failed: 0 },
    deliveriesPaused: false,
    destinations: [destination()],
    listening: {
      intake: {
        host: '127.0.0.1',
        port: 8780,
        fromCommandLine: false,
        hostFromCommandLine: false,
        savedPortRefused: null,
      },
      admin: { port: 8781, fromCommandLine: false, savedPortRefused: null },
    },
    refusingSources: [],
    diskFull: false,
    ...overrides,
  };
}

const view = (
  engine: EngineState,
  figures: Stats | null,
  language: 'en' | 'vi' = 'en',
  publicAddress: string | null = null,
) => trayView({ engine, stats: figures, startAtLogin: true, language, publicAddress });

describe('tray state', () => {
  // The day's figures have 12 delivered and 1 refused at the door: "13 events today" read as 13 orders.
  it('is ok with everything delivered, and counts the day in the tooltip, its refused requests apart', () => {
    const shown = view(runningEngine, stats());
    expect(shown.icon).toBe('ok');
    expect(shown.tooltip).toBe('Hookferry — all delivered · 12 events today · 1 request refused');
    expect(shown.menu.map((item) => [item.label, item.enabled, item.checked])).toEqual([
      ['Open Hookferry', true, undefined],
      ['Copy intake URL', true, undefined],
      ['Copy public address', false, undefined],
      ['Pause deliveries', true, undefined],
      ['Resend failed (0)', false, undefined],
      ['Start at login', true, true],
      ['Quit', true, undefined],
    ]);
  });

  it('says nothing was sent yet, not "all delivered", while no destination was ever tried', () => {
    const fresh = stats({ destinations: [destination({ health: 'untried', successRate: null, p95Ms: null })] });
    expect(view(runningEngine, fresh).icon).toBe('ok');
    expect(view(runningEngine, fresh).tooltip).toBe(
      'Hookferry — nothing sent yet · 12 events today · 1 request refused',
    );
    expect(view(runningEngine, fresh, 'vi').tooltip).toBe(
      'Hookferry — chưa gửi gì · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối',
    );
    const oneTried = { ...fresh, destinations: [...fresh.destinations, destination({ id: 'd2' })] };
    expect(view(runningEngine, oneTried).tooltip).toBe(
      'Hookferry — all delivered · 12 events today · 1 request refused',
    );
  });

  // A POS with a mistyped key loses every sale while the rest looks calm: its source is named as a problem.
  it('names a source refusing what it is sent, with the failing icon, in both languages', () => {
    const refusing = stats({
      refusingSources: [
        {
          id: 'src_1',
          name: 'Teamcrop shop',
          refused: 3,
          since: '2026-12-02T08:00:00.000Z',
          latestAt: '2026-12-02T09:00:00.000Z',
          latestStatus: 401,
          latestError: 'The X-Shop-Key header does not carry the expected value.',
          latestReason: { code: 'intake.headerWrong', params: { header: 'X-Shop-Key' } },
        },
      ],
    });
    expect(view(runningEngine, refusing).icon).toBe('failing');
    expect(view(runningEngine, refusing).tooltip).toBe(
      'Hookferry — refusing orders from “Teamcrop shop” · 12 events today · 1 request refused',
    );
    expect(view(runningEngine, refusing, 'vi').tooltip).toBe(
      'Hookferry — đang từ chối đơn từ “Teamcrop shop” · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối',
    );
  });

  it('says a full disk first, with the failing icon, in the chosen language', () => {
    const full = stats({ diskFull: true, deliveriesPaused: true });
    expect(view(runningEngine, full).icon).toBe('failing');
    expect(view(runningEngine, full).tooltip).toBe(
      'Hookferry — disk full: free some space · deliveries paused · 12 events today · 1 request refused',
    );
    expect(view(runningEngine, full, 'vi').tooltip).toBe(
      'Hookferry — ổ đĩa đầy: hãy giải phóng dung lượng · đã tạm dừng gửi · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối',
    );
  });

  it('lets the worst news pick the icon: failing or failed over paused over backlog', () => {
    const waiting = stats({
      deliveries: { pending: 3, retrying: 1, delivering: 1, waitingForPaused: 0, heldBehindFailed: 0, failed: 0 },
    });
    expect(view(runningEngine, waiting).icon).toBe('backlog');
    const backlog = stats({
      deliveries: { pending: 3, retrying: 1, delivering: 1, waitingForPaused: 0, heldBehindFailed: 0, failed: 2 },
    });
    expect(view(runningEngine, backlog).icon).toBe('failing');
    expect(view(runningEngine, backlog).tooltip).toBe(
      'Hookferry — 5 waiting to be delivered · 2 failed · 12 events today · 1 request refused',
    );
    expect(view(runningEngine, { ...waiting, deliveriesPaused: true }).icon).toBe('paused');
    const paused = { ...backlog, deliveriesPaused: true };
    expect(view(runningEngine, paused).icon).toBe('failing');
    expect(view(runningEngine, paused).menu[3]!.label).toBe('Resume deliveries');
    const failing = { ...paused, destinations: [destination({ health: 'failing', name: 'Zithara', failed: 2 })] };
    const shown = view(runningEngine, failing);
    expect(shown.icon).toBe('failing');
    expect(shown.tooltip).toMatch(/^Hookferry — failing: Zithara · deliveries paused · 5 waiting/);
    expect(shown.menu[4]).toEqual({ action: 'resend-failed', label: 'Resend failed (2)', enabled: true });
  });

  it('raises no alarm for a destination whose latest try failed once nothing of it waits (its failed part discarded)', () => {
    const calm = destination({ health: 'failing', name: 'CRM', lastTryFailed: true, lastError: 'CRM answered 500.' });
    const shown = view(runningEngine, stats({ destinations: [destination(), calm] }));
    expect(shown.icon).toBe('ok');
    expect(shown.tooltip).toBe('Hookferry — all delivered · 12 events today · 1 request refused');
    const retrying = destination({ ...calm, backlog: 1, nextTryAt: '2026-12-02T10:00:00.000Z' });
    expect(view(runningEngine, stats({ destinations: [retrying] })).tooltip).toMatch(/^Hookferry — failing: CRM/);
  });

  it('never shows the green "all delivered" icon while events wait in Failed, the destination working again', () => {
    const failedOnly = stats({
      deliveries: { pending: 0, retrying: 0, delivering: 0, waitingForPaused: 0, heldBehindFailed: 0, failed: 1 },
    });
    expect(view(runningEngine, failedOnly).icon).toBe('failing');
    expect(view(runningEngine, failedOnly).tooltip).toBe('Hookferry — 1 failed · 12 events today · 1 request refused');
  });

  it('names the paused destination deliveries wait for, rather than calling them waiting to be delivered', () => {
    const kho = destination({ id: 'd-kho', name: 'Kho hàng', health: 'paused', backlog: 3 });
    const held = stats({
      deliveries: { pending: 0, retrying: 0, delivering: 0, waitingForPaused: 3, heldBehindFailed: 0, failed: 0 },
      destinations: [destination(), kho],
    });
    expect(view(runningEngine, held, 'vi').tooltip).toBe(
      'Hookferry — 3 chờ nơi nhận đang tạm dừng “Kho hàng” · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối',
    );
    expect(view(runningEngine, held).tooltip).toBe(
      'Hookferry — 3 waiting for the paused “Kho hàng” · 12 events today · 1 request refused',
    );
    expect(view(runningEngine, held).icon).toBe('paused');
    const allPaused = { ...held, deliveriesPaused: true };
    expect(view(runningEngine, allPaused, 'vi').tooltip).toBe(
      'Hookferry — đã tạm dừng gửi · 3 chờ bạn tiếp tục gửi · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối',
    );
  });

  it('says what waits behind a failed event of an ordered line apart, neither waiting to be delivered nor for a resume', () => {
    const sheet = destination({
      name: 'Sổ',
      health: 'paused',
      backlog: 2,
      failed: 1,
      heldBy: { eventId: 'evt_1', label: 'INV-11', status: 'failed' },
    });
    const crm = destination({ id: 'd-crm', name: 'CRM', health: 'paused', backlog: 1 });
    const held = stats({
      deliveries: { pending: 0, retrying: 0, delivering: 0, waitingForPaused: 1, heldBehindFailed: 2, failed: 1 },
      destinations: [crm, sheet],
    });
    expect(view(runningEngine, held).tooltip).toBe(
      'Hookferry — 1 waiting for the paused “CRM” · 2 held behind a failed event at “Sổ” · 1 failed · 12 events today · 1 request refused',
    );
    expect(view(runningEngine, held, 'vi').tooltip).toBe(
      'Hookferry — 1 chờ nơi nhận đang tạm dừng “CRM” · 2 chờ sau sự kiện lỗi ở “Sổ” · 1 lỗi · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối',
    );
    expect(view(runningEngine, held).icon).toBe('failing');
    expect(view(runningEngine, held).menu[4]).toEqual({
      action: 'resend-failed',
      label: 'Resend failed (1)',
      enabled: true,
    });
  });

  it('shows a stopped engine, with the engine actions off', () => {
    const waiting = view({ phase: 'waiting', restarts: 2, retryInMs: 4000, reason: 'x' }, stats());
    expect(waiting.icon).toBe('stopped');
    expect(waiting.tooltip).toBe('Hookferry — stopped; trying again in 4 s');
    expect(waiting.menu.filter((item) => item.enabled).map((item) => item.action)).toEqual([
      'open',
      'toggle-start-at-login',
      'quit',
    ]);
  });

  it('speaks Vietnamese when the dashboard does, and knows when nothing changed', () => {
    const vi1 = view(runningEngine, stats(), 'vi');
    expect(vi1.menu[0]!.label).toBe('Mở Hookferry');
    expect(vi1.tooltip).toBe('Hookferry — đã gửi hết · 12 sự kiện hôm nay · 1 yêu cầu bị từ chối');
    expect(sameView(vi1, view(runningEngine, stats(), 'vi'))).toBe(true);
    expect(sameView(vi1, view(runningEngine, stats()))).toBe(false);
    expect(sameView(null, vi1)).toBe(false);
  });

  it('counts in words that agree with the number, with the language’s digit grouping', () => {
    const one = stats({
      today: {
        received: 0,
        pending: 0,
        delivered: 1,
        failed: 0,
        discarded: 0,
        skipped: 0,
        rejected: 0,
        partlyDelivered: 0,
        partlyDiscarded: 0,
      },
      deliveries: { pending: 1, retrying: 0, delivering: 0, waitingForPaused: 0, heldBehindFailed: 0, failed: 1 },
    });
    expect(view(runningEngine, one).tooltip).toBe('Hookferry — 1 waiting to be delivered · 1 failed · 1 event today');
    const many = stats({
      today: {
        received: 0,
        pending: 0,
        delivered: 12_345,
        failed: 0,
        discarded: 0,
        skipped: 0,
        rejected: 0,
        partlyDelivered: 0,
        partlyDiscarded: 0,
      },
    });
    expect(view(runningEngine, many).tooltip).toBe('Hookferry — all delivered · 12,345 events today');
    expect(view(runningEngine, many, 'vi').tooltip).toBe('Hookferry — đã gửi hết · 12.345 sự kiện hôm nay');
  });

  it('offers to copy the public address when there is one, in both languages', () => {
    const copy = (shown: ReturnType<typeof view>) => shown.menu.find((item) => item.action === 'copy-public-address');
    expect(copy(view(runningEngine, stats()))).toMatchObject({ enabled: false });
    expect(copy(view(runningEngine, stats(), 'en', 'https://shop.ngrok-free.dev'))).toEqual({
      action: 'copy-public-address',
      label: 'Copy public address',
      enabled: true,
    });
    expect(copy(view(runningEngine, stats(), 'vi', 'https://shop.ngrok-free.dev'))!.label).toBe(
      'Sao chép địa chỉ công khai',
    );
    const stopped = view({ phase: 'waiting', restarts: 1, retryInMs: 1000, reason: 'x' }, null, 'en', 'https://a.b');
    expect(copy(stopped)!.enabled).toBe(false);
  });
});

describe('desktop notifications', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const failedDelivery = (name: string): StreamMessage => ({
    type: 'delivery',
    eventId: 'e',
    eventStatus: 'failed',
    eventOutcome: 'failed',
    delivery: {
      id: '1',
      eventId: 'e',
      destinationId: 'd',
      destinationName: name,
      destinationDeleted: false,
      status: 'failed',
      attemptCount: 12,
      nextAttemptAt: null,
      lastError: 'x',
      lastReason: { code: 'delivery.answered', params: { status: 500 } },
      paused: false,
      heldBy: null,
    },
    attempt: {
      at: '2026-11-23T00:00:00.000Z',
      category: 'http',
      httpStatus: 500,
      durationMs: 5,
      error: 'x',
      reason: { code: 'delivery.answered', params: { status: 500 } },
      responseSnippet: null,
    },
  });

  it('says once when a destination starts failing, not while it stays failing, nor for one failing before the app started', () => {
    const notices: Notice[] = [];
    const notifier = new Notifier(
      (notice) => notices.push(notice),
      () => 'en',
    );
    notifier.stats(stats({ destinations: [destination({ id: 'a', name: 'Old', health: 'failing' })] }));
    expect(notices).toEqual([]);
    const failing = stats({
      destinations: [
        destination({ id: 'a', name: 'Old', health: 'failing' }),
        destination({ id: 'b', name: 'Zithara', health: 'failing', lastError: 'Zithara answered 500.', backlog: 3 }),
      ],
    });
    notifier.stats(failing);
    notifier.stats(failing);
    expect(notices).toEqual([
      {
        title: '“Zithara” is not taking events',
        body: 'Zithara answered 500. Hookferry keeps every event and tries again; open it to see why.',
      },
    ]);
  });

  it('promises no other try for a destination failing with nothing left to try: what failed waits in Failed', () => {
    const notices: Notice[] = [];
    const notifier = new Notifier(
      (notice) => notices.push(notice),
      () => 'en',
    );
    notifier.stats(stats());
    const lastError = 'Connection refused: nothing is listening at 127.0.0.1:9. Is the receiving program running?';
    notifier.stats(stats({ destinations: [destination({ health: 'failing', name: 'Books', lastError, failed: 1 })] }));
    expect(notices).toEqual([
      {
        title: '“Books” is not taking events',
        body: `${lastError} What failed waits in Failed: open Hookferry to resend it once the destination works.`,
      },
    ]);
  });

  it('says why in the chosen language, from the reason’s code', () => {
    const notices: Notice[] = [];
    const notifier = new Notifier(
      (notice) => notices.push(notice),
      () => 'vi',
    );
    notifier.stats(stats());
    const lastReason = { code: 'delivery.serverError', params: { status: '500 Internal Server Error' } };
    const lastError =
      'The destination answered 500 Internal Server Error: the problem is on its side. If this goes on, tell whoever runs it.';
    notifier.stats(
      stats({ destinations: [destination({ health: 'failing', name: 'CRM', lastError, lastReason, backlog: 1 })] }),
    );
    expect(notices).toEqual([
      {
        title: '“CRM” không nhận sự kiện',
        body: 'Nơi nhận trả lời mã 500: lỗi nằm ở phía nơi nhận. Nếu lỗi kéo dài, hãy báo cho người quản lý nơi nhận. Hookferry giữ mọi sự kiện và sẽ thử lại; mở ứng dụng để xem lý do.',
      },
    ]);
  });

  it('gathers events that failed for good into one notice per window', () => {
    const notices: Notice[] = [];
    const notifier = new Notifier(
      (notice) => notices.push(notice),
      () => 'en',
      10_000,
    );
    for (let n = 0; n < 30; n++) notifier.message(failedDelivery(n % 2 ? 'Sheet' : 'Zithara'));
    notifier.message({
      type: 'notice',
      level: 'warn',
      message: 'm',
      reason: { code: 'notice.resumed', params: {} },
      cause: null,
      at: 'now',
    });
    expect(notices).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(notices).toEqual([
      {
        title: '30 events could not be delivered',
        body: 'Every try to “Zithara”, “Sheet” failed. Open Hookferry and choose Failed to resend.',
      },
    ]);
    notifier.message(failedDelivery('Sheet'));
    vi.advanceTimersByTime(10_000);
    expect(notices[1]!.title).toBe('An event could not be delivered');
    notifier.dispose();
  });
});

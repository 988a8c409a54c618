import { describe, expect, it, vi } from 'vitest';
import { trayTooltip } from '../../main/tray/tooltip';
import { messagesFor } from '../../main/i18n';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { DEFAULT_ALERT_SETTINGS } from '../../common/settings';
import { fleetSnapshot, invoke, LIST_PATH, useHarnessPerTest, type Harness } from './harness';

const startHarness = useHarnessPerTest();

const DETAIL_PATH = /^\/api\/v1\/servers\/\d+\/$/;
const detailRequests = (h: Harness) =>
  h.sim.requests.filter((request) => request.method === 'GET' && DETAIL_PATH.test(request.path)).length;
/** A CPU threshold: every running server's usage is read, once per idle interval (60 s). */
const watchingCpu = () =>
  startHarness({
    settings: {
      alerts: {
        ...structuredClone(DEFAULT_ALERT_SETTINGS),
        thresholds: { ...DEFAULT_ALERT_SETTINGS.thresholds, cpuPercent: 90 },
      },
    },
  });
const running = (h: Harness) =>
  h.sim.listServerIds().filter((id) => (h.sim.getServer(id) as { status: string }).status === 'active').length;

describe('adaptive polling against the simulator', () => {
  it('polls once at start, then every idle interval (60 s)', async () => {
    const h = await startHarness();
    expect(h.listRequests()).toBe(1);
    expect((await fleetSnapshot(h)).servers).toHaveLength(10);
    await h.advance(59_000);
    expect(h.listRequests()).toBe(1);
    await h.advance(1_000);
    expect(h.listRequests()).toBe(2);
  });

  it('polls every 15 s while the popup is open and back to 60 s when it closes', async () => {
    const h = await startHarness();
    h.core.setPopupOpen(true);
    expect(h.eventsOf(EventChannel.popupShown)).toHaveLength(1);
    await h.advance(15_000);
    expect(h.listRequests()).toBe(2);
    await h.advance(15_000);
    expect(h.listRequests()).toBe(3);
    h.core.setPopupOpen(false);
    await h.advance(59_000);
    expect(h.listRequests()).toBe(3);
    await h.advance(1_000);
    expect(h.listRequests()).toBe(4);
  });

  it('applies a changed interval setting at the next scheduling', async () => {
    const h = await startHarness();
    const result = await invoke(h, InvokeChannel.settingsSet, { pollIntervals: { idleSeconds: 20 } });
    expect(result.ok).toBe(true);
    expect(h.eventsOf(EventChannel.settingsChanged).at(-1)?.pollIntervals.idleSeconds).toBe(20);
    await h.advance(20_000);
    expect(h.listRequests()).toBe(2);
  });

  it('a manual refresh joins the poll in flight instead of sending a second request', async () => {
    const h = await startHarness();
    const first = invoke(h, InvokeChannel.fleetRefresh);
    const second = invoke(h, InvokeChannel.fleetRefresh);
    const third = h.core.refreshNow();
    await Promise.all([first, second, third]);
    expect(h.listRequests()).toBe(2);
    const status = await first;
    expect(status).toMatchObject({ ok: true, value: { loaded: true, refreshing: false, stale: null } });
  });

  it('keeps the last good list, marks it stale and backs off exponentially on 5xx', async () => {
    const h = await startHarness();
    const before = await fleetSnapshot(h);
    h.sim.injectFault({ type: 'status', status: 503 }, { method: 'GET', path: LIST_PATH });
    await h.advance(60_000);
    expect(h.listRequests()).toBe(2);
    const stale = await fleetSnapshot(h);
    expect(stale.servers).toEqual(before.servers);
    expect(stale.status.stale).toMatchObject({ kind: 'server', status: 503, since: Date.now() });
    expect(stale.status.lastSuccessAt).toBe(before.status.lastSuccessAt);
    expect(h.core.tray.getState()).toMatchObject({ icon: 'error', stale: true });
    expect(trayTooltip(h.core.tray.getState(), messagesFor('en'))).toMatch(
      /^VPS\.org — error \(last update \d\d:\d\d\)$/,
    );
    // random() = 1: the window doubles each failure (60, 120, 240 s), capped at 5 min.
    await h.advance(60_000);
    expect(h.listRequests()).toBe(3);
    await h.advance(119_000);
    expect(h.listRequests()).toBe(3);
    await h.advance(1_000);
    expect(h.listRequests()).toBe(4);
    await h.advance(240_000);
    expect(h.listRequests()).toBe(5);
    await h.advance(299_000);
    expect(h.listRequests()).toBe(5);
    await h.advance(1_000);
    expect(h.listRequests()).toBe(6);
    await h.advance(300_000);
    expect(h.listRequests()).toBe(7);
    // Recovery: the stale mark goes and the normal interval returns.
    h.sim.clearFaults();
    await h.advance(300_000);
    expect(h.listRequests()).toBe(8);
    expect((await fleetSnapshot(h)).status.stale).toBeNull();
    await h.advance(60_000);
    expect(h.listRequests()).toBe(9);
  });

  it('uses full jitter: a low random draw never waits less than the normal interval', async () => {
    const h = await startHarness({ random: () => 0 });
    h.sim.injectFault({ type: 'status', status: 500 }, { method: 'GET', path: LIST_PATH, times: 3 });
    await h.advance(60_000);
    await h.advance(60_000);
    await h.advance(60_000);
    expect(h.listRequests()).toBe(4);
  });

  it('marks the list offline on network failures', async () => {
    const h = await startHarness();
    h.sim.injectFault({ type: 'html' }, { method: 'GET', path: LIST_PATH, times: 1 });
    await h.advance(60_000);
    expect((await fleetSnapshot(h)).status.stale?.kind).toBe('invalid-response');
  });

  it('waits for Retry-After on 429 instead of the normal interval', async () => {
    const h = await startHarness();
    h.sim.injectFault(
      { type: 'status', status: 429, retryAfterSeconds: 90 },
      { method: 'GET', path: LIST_PATH, times: 1 },
    );
    await h.advance(60_000);
    expect(h.listRequests()).toBe(2);
    expect((await fleetSnapshot(h)).status.stale).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 90 });
    await h.advance(89_000);
    expect(h.listRequests()).toBe(2);
    await h.advance(1_000);
    expect(h.listRequests()).toBe(3);
  });

  it('pauses while suspended and refreshes at once on resume and on unlock', async () => {
    const h = await startHarness();
    h.core.system.suspend();
    await h.advance(600_000);
    expect(h.listRequests()).toBe(1);
    h.core.system.resume();
    await h.settle();
    expect(h.listRequests()).toBe(2);
    h.core.system.unlock();
    await h.settle();
    expect(h.listRequests()).toBe(3);
    await h.advance(60_000);
    expect(h.listRequests()).toBe(4);
  });

  it('refreshes at once when the wall clock jumps (sleep without a resume event)', async () => {
    const h = await startHarness();
    await h.advance(5_000);
    // The wall clock moves 2 h while the timers barely advance (the machine slept).
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    await h.advance(5_000);
    expect(h.listRequests()).toBe(2);
  });

  it('a jump of less than twice the current interval does not refresh; a larger one does', async () => {
    const h = await startHarness();
    // Idle: 60 s between polls, so a 100 s jump (less than 120 s) skips nothing worth a refresh.
    await h.advance(5_000);
    vi.setSystemTime(Date.now() + 100_000);
    await h.advance(5_000);
    expect(h.listRequests()).toBe(1);
    // 130 s is more than twice the interval: refresh at the next clock check.
    vi.setSystemTime(Date.now() + 130_000);
    await h.advance(10_000);
    expect(h.listRequests()).toBe(2);
  });

  it('the threshold follows the current interval: a 40 s jump refreshes while the popup is open (15 s)', async () => {
    const h = await startHarness();
    h.core.setPopupOpen(true);
    await h.advance(15_000);
    expect(h.listRequests()).toBe(2);
    // More than twice 15 s; the next regular poll would be 15 s (timer time) away.
    vi.setSystemTime(Date.now() + 40_000);
    await h.advance(5_000);
    expect(h.listRequests()).toBe(3);
  });

  describe("usage reads (the alerts' thresholds) ride the same poller", () => {
    it('a 429 on a usage read slows usage reads too: nothing until Retry-After, list included', async () => {
      const h = await watchingCpu();
      await h.settle();
      const perRound = running(h);
      expect(perRound).toBeGreaterThan(1);
      expect(detailRequests(h)).toBe(perRound);
      h.sim.injectFault(
        { type: 'status', status: 429, retryAfterSeconds: 240 },
        { method: 'GET', path: DETAIL_PATH, times: 1 },
      );
      await h.advance(60_000);
      // The round ends at the 429: the other servers are not asked, and the list was fresh.
      expect(h.listRequests()).toBe(2);
      expect(detailRequests(h)).toBe(perRound + 1);
      expect((await fleetSnapshot(h)).status.stale).toBeNull();
      await h.advance(60_000);
      await h.advance(60_000);
      await h.advance(119_000);
      expect(h.listRequests()).toBe(2);
      expect(detailRequests(h)).toBe(perRound + 1);
      await h.advance(1_000);
      expect(h.listRequests()).toBe(3);
      expect(detailRequests(h)).toBe(2 * perRound + 1);
      // Back to the idle interval.
      await h.advance(60_000);
      expect(detailRequests(h)).toBe(3 * perRound + 1);
    });

    it('a suspended machine makes no usage reads; resuming reads at once', async () => {
      const h = await watchingCpu();
      await h.settle();
      const perRound = running(h);
      expect(detailRequests(h)).toBe(perRound);
      h.core.system.suspend();
      for (let minute = 0; minute < 10; minute++) await h.advance(60_000);
      expect(h.listRequests()).toBe(1);
      expect(detailRequests(h)).toBe(perRound);
      h.core.system.resume();
      await h.settle();
      expect(h.listRequests()).toBe(2);
      expect(detailRequests(h)).toBe(2 * perRound);
    });
  });
});

// A session built whole: the tracker's subscription reaches the poller, a 401 tells the session's
// listeners, a failed poll marks the fleet stale (redacted), the alerts' usage reads ride its poller,
// and ending is done once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionOutcome } from '../../common/contract';
import type { Server, ServerDetail } from '../../common/servers';
import { VpsApiError } from '../../main/api/errors';
import type { VpsClient } from '../../main/api/client';
import { createFleetState } from '../../main/fleet/state';
import { createSession, type SessionDeps } from '../../main/sessions/session';
import type { UsageWatch } from '../../main/sessions/usage-reads';
import { makeDetail, makeServer } from '../support/fixtures';

const unused = () => Promise.reject(new Error('not used'));
const INTERVALS = { idleSeconds: 60, openSeconds: 15, fastSeconds: 3 };

/** A list as read: its servers, or a list that changed while its pages were read (ServerList's `unsettled`). */
type Listed = Server[] | { results: Server[]; unsettled: true };

function setup(
  list: () => Promise<Listed>,
  usage?: { watch: UsageWatch; getServer: (id: number) => Promise<ServerDetail> },
) {
  const api: VpsClient = {
    baseUrl: 'http://127.0.0.1:1',
    listServers: async () => {
      const answer = await list();
      const results = Array.isArray(answer) ? answer : answer.results;
      return { count: results.length, results, skipped: 0, ...(Array.isArray(answer) ? {} : { unsettled: true }) };
    },
    getServer: usage?.getServer ?? unused,
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    powerAction: (_id, action) =>
      action !== 'reboot'
        ? unused()
        : Promise.resolve({
            status: 'success',
            message: 'Server is rebooting',
            server: { id: 1, name: 's', status: 'rebooting' },
          }),
  };
  const fleet = createFleetState();
  const outcomes: ActionOutcome[] = [];
  const logs: string[] = [];
  let popupOpen = false;
  const deps: SessionDeps = {
    fleet,
    now: () => Date.now(),
    random: () => 1,
    pollIntervals: () => INTERVALS,
    popupOpen: () => popupOpen,
    onOutcome: (outcome) => void outcomes.push(outcome),
    redact: (text) => text.replaceAll('SECRET', '[redacted]'),
    log: (level, message) => void logs.push(`${level}: ${message}`),
  };
  if (usage) deps.usage = usage.watch;
  const closes = vi.fn<() => Promise<void>>(() => Promise.resolve());
  const session = createSession(deps, {
    kind: 'token',
    account: { id: 'default', label: 'VPS.org', baseUrl: 'http://127.0.0.1:1' },
    api,
    close: closes,
  });
  return { session, fleet, outcomes, logs, closes, openPopup: () => void (popupOpen = true) };
}

/** Servers 1 and 2 watched; every read recorded with its time. */
function withUsage(list: () => Promise<Server[]>, getServer: (id: number) => Promise<ServerDetail>) {
  const reads: Array<{ id: number; at: number }> = [];
  const reported: number[][] = [];
  const t = setup(list, {
    watch: { watched: () => [1, 2], report: (_account, details) => void reported.push([...details.keys()]) },
    getServer: (id) => {
      reads.push({ id, at: Date.now() });
      return getServer(id);
    },
  });
  return { ...t, reads, reported };
}
const listed = async () => [makeServer(1), makeServer(2)];

/** Lets the poll started by a timer (or by start) finish. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('session', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.parse('2025-06-02T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('polls at once when started, then at the idle interval; an accepted action reads its server 2 s after', async () => {
    const t = setup(async () => [makeServer(1)]);
    expect(t.session.poller.running).toBe(false);
    t.session.start();
    await flush();
    expect(t.logs).toContain('info: Session started (token, account default).');
    expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' } });
    expect(t.session.poller.nextPollAt).toBe(Date.now() + 60_000);
    await t.session.actions.power({ accountId: 'default', id: 1 }, 'reboot');
    expect(t.session.actions.hasPending()).toBe(true);
    expect(t.session.poller.nextPollAt).toBe(Date.now() + 2_000);
    await t.session.end();
  });

  it('a failed poll marks the fleet stale with the redacted message', async () => {
    const t = setup(() => Promise.reject(new VpsApiError('server', 'VPS.org had a problem: SECRET', { status: 503 })));
    t.session.start();
    await flush();
    expect(t.fleet.status().stale).toMatchObject({
      kind: 'server',
      status: 503,
      message: 'VPS.org had a problem: [redacted]',
    });
    expect(t.logs).toContain('warn: Refresh failed (server): VPS.org had a problem: [redacted]');
    await t.session.end();
  });

  it('tells its listeners when VPS.org rejects the token (polling stops)', async () => {
    const t = setup(() => Promise.reject(new VpsApiError('unauthorized', 'Rejected.', { status: 401 })));
    const rejected = vi.fn<() => void>();
    t.session.onRejected(rejected);
    t.session.start();
    await flush();
    expect(rejected).toHaveBeenCalledTimes(1);
    expect(t.session.poller.running).toBe(false);
  });

  it('a server missing from a list that changed while it was read stays, its action too; a settled list ends it', async () => {
    let nextList: Listed = [makeServer(1), makeServer(2)];
    const t = setup(async () => nextList);
    t.session.start();
    await flush();
    await t.session.actions.power({ accountId: 'default', id: 1 }, 'reboot');
    nextList = { results: [makeServer(2)], unsettled: true };
    // Asked for (a refresh), a poll reads the list even while the server is read on its own.
    await t.session.poller.refresh();
    expect(t.fleet.get('default:1')).toBeDefined();
    expect(t.outcomes).toEqual([]);
    expect(t.session.actions.hasPending()).toBe(true);
    nextList = [makeServer(2)];
    await t.session.poller.refresh();
    expect(t.fleet.get('default:1')).toBeUndefined();
    expect(t.outcomes).toMatchObject([{ outcome: 'removed' }]);
    await t.session.end();
  });

  it('ends once: polling stops, the fleet is cleared and what it runs on is released', async () => {
    const t = setup(async () => [makeServer(1)]);
    t.session.start();
    await flush();
    expect(t.fleet.size()).toBe(1);
    await t.session.end();
    await t.session.end();
    expect(t.session.ended).toBe(true);
    expect(t.session.poller.running).toBe(false);
    expect(t.fleet.size()).toBe(0);
    expect(t.closes).toHaveBeenCalledTimes(1);
  });

  describe('usage reads', () => {
    it('reads after each good list, at most once per idle interval, and none after a failed list', async () => {
      let failing = false;
      const t = withUsage(
        () => (failing ? Promise.reject(new VpsApiError('server', 'Down.', { status: 503 })) : listed()),
        (id) => Promise.resolve(makeDetail(makeServer(id))),
      );
      t.session.start();
      await flush();
      expect(t.reads.map((read) => read.id)).toEqual([1, 2]);
      expect(t.reported).toEqual([[1, 2]]);
      // The popup open: polls every 15 s, usage still once a minute.
      t.openPopup();
      t.session.poller.reschedule();
      await vi.advanceTimersByTimeAsync(45_000);
      expect(t.reads).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(15_000);
      expect(t.reads).toHaveLength(4);
      failing = true;
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(t.reads).toHaveLength(4);
      await t.session.end();
    });

    it('a 429 on a usage read makes the poller wait Retry-After before the next list and usage read', async () => {
      let lists = 0;
      let limited = true;
      const t = withUsage(
        () => {
          lists++;
          return listed();
        },
        (id) =>
          limited && id === 1
            ? Promise.reject(new VpsApiError('rate-limited', 'Slow down.', { status: 429, retryAfterSeconds: 200 }))
            : Promise.resolve(makeDetail(makeServer(id))),
      );
      t.session.start();
      await flush();
      limited = false;
      expect(t.reads.map((read) => read.id)).toEqual([1]);
      expect(t.session.poller.consecutiveFailures).toBe(1);
      expect(t.session.poller.nextPollAt).toBe(Date.now() + 200_000);
      // The list itself was good: it stays fresh.
      expect(t.fleet.status().stale).toBeNull();
      await vi.advanceTimersByTimeAsync(199_000);
      expect([lists, t.reads.length]).toEqual([1, 1]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect([lists, t.reads.length]).toEqual([2, 3]);
      expect(t.session.poller.consecutiveFailures).toBe(0);
      await t.session.end();
    });

    it('a suspended session reads no usage', async () => {
      const t = withUsage(listed, (id) => Promise.resolve(makeDetail(makeServer(id))));
      t.session.start();
      await flush();
      t.session.poller.suspend();
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(t.reads).toHaveLength(2);
      t.session.poller.resume();
      await flush();
      expect(t.reads).toHaveLength(4);
      await t.session.end();
    });
  });
});

// A session built whole: the tracker's subscription reaches the poller, a 401 tells the session's
// listeners, a failed poll marks the fleet stale (redacted), and ending is done once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionOutcome } from '../../common/contract';
import type { Server } from '../../common/servers';
import { VpsApiError } from '../../main/api/errors';
import type { VpsClient } from '../../main/api/client';
import { createFleetState } from '../../main/fleet/state';
import { createSession, type SessionDeps } from '../../main/sessions/session';
import { makeServer } from '../support/fixtures';

const unused = () => Promise.reject(new Error('not used'));
const INTERVALS = { idleSeconds: 60, openSeconds: 15, fastSeconds: 3 };

/** A list as read: its servers, or a list that changed while its pages were read (ServerList's `unsettled`). */
type Listed = Server[] | { results: Server[]; unsettled: true };

function setup(list: () => Promise<Listed>) {
  const api: VpsClient = {
    baseUrl: 'http://127.0.0.1:1',
    listServers: async () => {
      const listed = await list();
      const results = Array.isArray(listed) ? listed : listed.results;
      return { count: results.length, results, skipped: 0, ...(Array.isArray(listed) ? {} : { unsettled: true }) };
    },
    getServer: unused,
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
  const closes = vi.fn<() => Promise<void>>(() => Promise.resolve());
  const session = createSession(deps, {
    kind: 'token',
    account: { id: 'default', label: 'VPS.org', baseUrl: 'http://127.0.0.1:1' },
    api,
    close: closes,
  });
  return { session, fleet, outcomes, logs, closes, openPopup: () => void (popupOpen = true) };
}

/** Lets the poll started by a timer (or by start) finish. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('session', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.parse('2025-06-02T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('polls at once when started, then at the idle interval; a tracked action switches to the fast one at once', async () => {
    const t = setup(async () => [makeServer(1)]);
    expect(t.session.poller.running).toBe(false);
    t.session.start();
    await flush();
    expect(t.logs).toContain('info: Session started (token, account default).');
    expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' } });
    expect(t.session.poller.nextPollAt).toBe(Date.now() + 60_000);
    await t.session.actions.power({ accountId: 'default', id: 1 }, 'reboot');
    expect(t.session.actions.hasTracked()).toBe(true);
    expect(t.session.poller.nextPollAt).toBe(Date.now() + 3_000);
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
    let listed: Listed = [makeServer(1), makeServer(2)];
    const t = setup(async () => listed);
    t.session.start();
    await flush();
    await t.session.actions.power({ accountId: 'default', id: 1 }, 'reboot');
    listed = { results: [makeServer(2)], unsettled: true };
    await vi.advanceTimersByTimeAsync(3_000);
    expect(t.fleet.get('default:1')).toBeDefined();
    expect(t.outcomes).toEqual([]);
    expect(t.session.actions.hasTracked()).toBe(true);
    listed = [makeServer(2)];
    await vi.advanceTimersByTimeAsync(3_000);
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
});

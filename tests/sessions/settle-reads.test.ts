// While a power action settles, the session reads that one server (GET /servers/{id}/) on the tracker's
// short waits instead of the whole list every few seconds, then the list once when it settled; every
// request still goes through the session's poller (its Retry-After, its suspend).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionOutcome } from '../../common/contract';
import type { Server } from '../../common/servers';
import { VpsApiError } from '../../main/api/errors';
import type { VpsClient } from '../../main/api/client';
import { createFleetState } from '../../main/fleet/state';
import { createSession } from '../../main/sessions/session';
import { makeDetail, makeServer } from '../support/fixtures';

const unused = () => Promise.reject(new Error('not used'));
const INTERVALS = { idleSeconds: 60, openSeconds: 15, fastSeconds: 3 };

/** Two servers; a reboot of server 1 keeps it `rebooting` for `rebootMs`. Every request logged with its time. */
function setup(rebootMs: number, options: { popupOpen?: boolean; getServer?: (id: number) => Promise<void> } = {}) {
  const t0 = Date.now();
  const requests: string[] = [];
  let rebootEndsAt: number | null = null;
  const at = () => `+${(Date.now() - t0) / 1000}s`;
  const current = (id: number): Server => {
    const rebooting = id === 1 && rebootEndsAt !== null && Date.now() < rebootEndsAt;
    return makeServer(id, { status: rebooting ? 'rebooting' : 'active' });
  };
  const api: VpsClient = {
    baseUrl: 'http://127.0.0.1:1',
    listServers: async () => {
      requests.push(`${at()} list`);
      const results = [current(1), current(2)];
      return { count: results.length, results, skipped: 0 };
    },
    getServer: async (id) => {
      requests.push(`${at()} get ${id}`);
      await options.getServer?.(id);
      return makeDetail(current(id));
    },
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    powerAction: async (id) => {
      requests.push(`${at()} reboot ${id}`);
      rebootEndsAt = Date.now() + rebootMs;
      return {
        status: 'success',
        message: 'Server is rebooting',
        server: { id, name: `server-${id}`, status: 'rebooting' },
      };
    },
  };
  const fleet = createFleetState();
  const outcomes: ActionOutcome[] = [];
  const session = createSession(
    {
      fleet,
      now: () => Date.now(),
      random: () => 1,
      pollIntervals: () => INTERVALS,
      popupOpen: () => options.popupOpen === true,
      onOutcome: (outcome) => void outcomes.push(outcome),
      redact: (text) => text,
      log: () => {},
    },
    { kind: 'token', account: { id: 'default', label: 'VPS.org', baseUrl: 'http://127.0.0.1:1' }, api },
  );
  const reboot = async () => {
    await session.actions.power({ accountId: 'default', id: 1 }, 'reboot');
  };
  return { session, fleet, outcomes, requests, reboot, at };
}

describe('a settling action is read on its own', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.parse('2025-06-02T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('after a reboot: single-server GETs on the waits until it settles, then exactly one list; one outcome', async () => {
    const t = setup(20_000);
    t.session.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.reboot();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(t.requests.slice(0, 9)).toEqual([
      '+0s list',
      '+0s reboot 1',
      '+2s get 1',
      '+5s get 1',
      '+10s get 1',
      '+16s get 1',
      // Rebooted at +20 s: seen 2 s later, then the list, once.
      '+22s get 1',
      '+22s list',
      // Idle again: the list a minute after the last.
      '+82s list',
    ]);
    expect(t.requests.slice(9).every((request) => request.endsWith(' list'))).toBe(true);
    expect(t.outcomes).toMatchObject([{ outcome: 'done', action: 'reboot', finalStatus: 'active' }]);
    expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' }, pending: null });
    // The detail's own fields stay out of the fleet (and of what the popup is sent).
    expect(t.fleet.get('default:1')?.server).not.toHaveProperty('resource_usage');
    await t.session.end();
  });

  it('the list keeps its own interval meanwhile (popup open: every 15 s)', async () => {
    const t = setup(25_000, { popupOpen: true });
    t.session.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.reboot();
    await vi.advanceTimersByTimeAsync(40_000);
    expect(t.requests).toEqual([
      '+0s list',
      '+0s reboot 1',
      '+2s get 1',
      '+5s get 1',
      '+10s get 1',
      // The list read it too: the next read waits from there.
      '+15s list',
      '+21s get 1',
      '+27s get 1',
      '+27s list',
    ]);
    expect(t.outcomes).toHaveLength(1);
    await t.session.end();
  });

  it('a 429 on the single GET waits its Retry-After, then reads it again', async () => {
    let limited = true;
    const t = setup(20_000, {
      getServer: async () => {
        if (limited) {
          limited = false;
          throw new VpsApiError('rate-limited', 'Slow down.', { status: 429, retryAfterSeconds: 30 });
        }
      },
    });
    t.session.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.reboot();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.session.poller.consecutiveFailures).toBe(1);
    expect(t.session.poller.nextPollAt).toBe(Date.now() + 30_000);
    expect(t.fleet.status().stale).toBeNull();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(t.requests).toEqual(['+0s list', '+0s reboot 1', '+2s get 1']);
    await vi.advanceTimersByTimeAsync(1);
    // Settled by then: seen by the read, then the list once.
    expect(t.requests.slice(3)).toEqual(['+32s get 1', '+32s list']);
    expect(t.outcomes).toMatchObject([{ outcome: 'done' }]);
    await t.session.end();
  });

  it('a suspended machine sends none; on resume the list tells', async () => {
    const t = setup(20_000);
    t.session.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.reboot();
    t.session.poller.suspend();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(t.requests).toEqual(['+0s list', '+0s reboot 1']);
    t.session.poller.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.requests.slice(2)).toEqual(['+600s list']);
    expect(t.outcomes).toMatchObject([{ outcome: 'done' }]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(t.requests.slice(3).every((request) => request.endsWith(' list'))).toBe(true);
    expect(t.outcomes).toHaveLength(1);
    await t.session.end();
  });

  it('a server gone on its own read ends its action as removed, and the list is read once', async () => {
    const t = setup(20_000, {
      getServer: () => Promise.reject(new VpsApiError('not-found', 'Not found.', { status: 404 })),
    });
    t.session.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.reboot();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toEqual(['+0s list', '+0s reboot 1', '+2s get 1', '+2s list']);
    expect(t.outcomes).toMatchObject([{ outcome: 'removed' }]);
    await t.session.end();
  });
});

import { describe, expect, it } from 'vitest';
import { VpsApiError } from '../../main/api/errors';
import type { PowerActionResponse } from '../../main/api/schemas';
import { createActionTracker } from '../../main/fleet/actions';
import type { VpsClient } from '../../main/api/client';
import { ActionRefused } from '../../main/errors';
import { createFleetState } from '../../main/fleet/state';
import type { ActionOutcome } from '../../common/contract';
import { makeServer } from '../support/fixtures';
import type { Server } from '../../common/servers';

const unused = () => Promise.reject(new Error('not used'));

function setup(servers: Server[], power: (id: number, action: string) => Promise<PowerActionResponse>) {
  let clock = Date.parse('2025-06-02T09:00:00.250Z');
  const calls: string[] = [];
  const api: VpsClient = {
    baseUrl: 'https://admin.vps.org/api/v1',
    listServers: unused,
    getServer: unused,
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    powerAction: (id, action) => (calls.push(`${action} ${id}`), power(id, action)),
  };
  const fleet = createFleetState();
  fleet.applyList('default', servers);
  const outcomes: ActionOutcome[] = [];
  const tracker = createActionTracker({
    accountId: 'default',
    api,
    fleet,
    now: () => clock,
    onOutcome: (outcome) => void outcomes.push(outcome),
  });
  /** One poll: what the API lists, from a poll that started at `startedAt`. */
  const poll = (list: Server[], startedAt = clock) => {
    fleet.applyList('default', tracker.reconcile(list, startedAt), undefined, tracker.pendingFor);
    tracker.flushOutcomes();
  };
  return {
    api,
    fleet,
    tracker,
    outcomes,
    calls,
    poll,
    tick: (ms: number) => void (clock += ms),
    now: () => clock,
  };
}

const accepted = (status: string): Promise<PowerActionResponse> =>
  Promise.resolve({ status: 'success', message: `Server is ${status}`, server: { id: 1, name: 'server-1', status } });

/** updated_at as the API writes it: whole seconds. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The request takes 15 s on the clock, then fails with `error`. */
const failingAfter15s = (t: { tick: (ms: number) => void }, error: VpsApiError) => () => {
  t.tick(15_000);
  return Promise.reject(error);
};
const timeout = () =>
  new VpsApiError('timeout', 'The reboot request timed out; VPS.org may or may not have carried it out.', {
    outcomeUnknown: true,
  });

describe('action tracker', () => {
  it('a poll that started before the API accepted the action cannot finish it', async () => {
    const t = setup([makeServer(1)], () => accepted('rebooting'));
    const pollStartedBefore = t.now();
    t.tick(100);
    await t.tracker.power({ accountId: 'default', id: 1 }, 'reboot');
    t.tick(100);
    t.poll([makeServer(1, { status: 'active' })], pollStartedBefore);
    expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'rebooting' }, pending: { action: 'reboot' } });
    expect(t.outcomes).toHaveLength(0);
    t.tick(41_900);
    t.poll([makeServer(1, { status: 'active' })]);
    expect(t.outcomes).toEqual([
      expect.objectContaining({ outcome: 'done', message: 'server-1 rebooted (42 s)', elapsedMs: 42_000 }),
    ]);
    expect(t.fleet.get('default:1')?.pending).toBeNull();
    expect(t.calls).toEqual(['reboot 1']);
  });

  it('settling in an unexpected status is a failure', async () => {
    const t = setup([makeServer(1)], () => accepted('stopping'));
    await t.tracker.power({ accountId: 'default', id: 1 }, 'stop');
    t.tick(5_000);
    t.poll([makeServer(1, { status: 'stopping' })]);
    expect(t.outcomes).toHaveLength(0);
    t.tick(5_000);
    t.poll([makeServer(1, { status: 'suspended' })]);
    expect(t.outcomes[0]).toMatchObject({
      outcome: 'failed',
      message: 'The stop of server-1 failed: it is now suspended (after 10 s).',
    });
  });

  it('times out after 10 minutes of no settling', async () => {
    const t = setup([makeServer(1, { status: 'stopped' })], () => accepted('starting'));
    await t.tracker.power({ accountId: 'default', id: 1 }, 'start');
    t.tick(9 * 60_000);
    t.poll([makeServer(1, { status: 'starting' })]);
    t.tracker.checkTimeouts();
    expect(t.outcomes).toHaveLength(0);
    t.tick(60_000);
    t.tracker.checkTimeouts();
    expect(t.outcomes[0]).toMatchObject({ outcome: 'timed-out', action: 'start' });
    expect(t.fleet.get('default:1')).toMatchObject({ pending: null, server: { status: 'starting' } });
    expect(t.tracker.hasTracked()).toBe(false);
  });

  it('a server gone from a later list is reported removed', async () => {
    const t = setup([makeServer(1), makeServer(2)], () => accepted('rebooting'));
    await t.tracker.power({ accountId: 'default', id: 1 }, 'reboot');
    t.tick(1000);
    t.poll([makeServer(2)]);
    expect(t.outcomes[0]).toMatchObject({ outcome: 'removed', message: 'server-1 no longer exists.' });
    expect(t.fleet.get('default:1')).toBeUndefined();
  });

  describe('a request whose outcome is unknown is never reported failed', () => {
    const OLD = '2025-01-15T10:20:00Z';
    const ref = { accountId: 'default', id: 1 };
    it('a timed-out reboot stays pending (no second action) and is done once the list shows it rebooted', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => unused());
      t.api.powerAction = (id, action) => (t.calls.push(`${action} ${id}`), failingAfter15s(t, timeout())());
      await expect(t.tracker.power(ref, 'reboot')).rejects.toMatchObject({ kind: 'timeout', outcomeUnknown: true });
      expect(t.fleet.get('default:1')).toMatchObject({
        server: { status: 'rebooting' },
        pending: { action: 'reboot' },
      });
      expect(t.outcomes).toEqual([]);
      expect(t.tracker.hasTracked()).toBe(true);
      await expect(t.tracker.power(ref, 'reboot')).rejects.toMatchObject({
        conflict: { reason: 'in-flight' },
      });
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes).toEqual([]);
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'rebooting', updated_at: iso(t.now()) })]);
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'active', updated_at: iso(t.now()) })]);
      expect(t.outcomes).toEqual([
        expect.objectContaining({ outcome: 'done', message: 'server-1 rebooted (24 s)', finalStatus: 'active' }),
      ]);
      expect(t.fleet.get('default:1')?.pending).toBeNull();
      expect(t.calls).toEqual(['reboot 1']);
    });

    it('with the server unchanged through the grace period the outcome is unknown, not failed', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => unused());
      t.api.powerAction = failingAfter15s(t, timeout());
      await expect(t.tracker.power(ref, 'reboot')).rejects.toMatchObject({ kind: 'timeout' });
      for (let step = 0; step < 9; step++) {
        t.tick(3_000);
        t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      }
      expect(t.outcomes).toEqual([]);
      expect(t.fleet.get('default:1')).toMatchObject({
        server: { status: 'rebooting' },
        pending: { action: 'reboot' },
      });
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes).toEqual([
        {
          ref,
          serverName: 'server-1',
          action: 'reboot',
          outcome: 'unknown',
          message: 'The reboot of server-1 may or may not have happened. Refresh to check.',
          elapsedMs: 45_000,
          finalStatus: 'active',
          error: { kind: 'timeout' },
        },
      ]);
      expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' }, pending: null });
    });

    it('a 502 to a stop: the list showing it stopped (even undated) is the outcome', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => unused());
      t.api.powerAction = failingAfter15s(
        t,
        new VpsApiError('server', 'VPS.org had a problem (502).', {
          status: 502,
          outcomeUnknown: true,
          apiText: 'Bad gateway.',
        }),
      );
      await expect(t.tracker.power(ref, 'stop')).rejects.toMatchObject({ status: 502 });
      expect(t.fleet.get('default:1')?.server.status).toBe('stopping');
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'stopped', updated_at: OLD })]);
      expect(t.outcomes).toEqual([
        expect.objectContaining({ outcome: 'done', action: 'stop', finalStatus: 'stopped' }),
      ]);
    });

    it('an unreadable 2xx was accepted: after the grace period an unchanged running server counts as rebooted', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => unused());
      t.api.powerAction = failingAfter15s(
        t,
        new VpsApiError('invalid-response', 'VPS.org sent an answer that is not JSON.', {
          status: 200,
          outcomeUnknown: true,
        }),
      );
      await expect(t.tracker.power(ref, 'reboot')).rejects.toMatchObject({ kind: 'invalid-response' });
      t.tick(30_000);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes).toEqual([expect.objectContaining({ outcome: 'done', finalStatus: 'active' })]);
    });

    it('while polls fail, an unknown outcome ends as unknown (not timed out) after 10 minutes', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => unused());
      t.api.powerAction = failingAfter15s(t, timeout());
      await expect(t.tracker.power(ref, 'reboot')).rejects.toMatchObject({ kind: 'timeout' });
      t.tick(10 * 60_000);
      t.tracker.checkTimeouts();
      expect(t.outcomes).toEqual([
        expect.objectContaining({ outcome: 'unknown', finalStatus: 'active', error: { kind: 'timeout' } }),
      ]);
      expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' }, pending: null });
    });

    it('a 503 (certainly not carried out) reverts at once and reports the failure with the error', async () => {
      const t = setup([makeServer(1)], () =>
        Promise.reject(
          new VpsApiError('server', 'VPS.org had a problem on its side (503).', {
            status: 503,
            apiText: 'Service temporarily unavailable.',
          }),
        ),
      );
      await expect(t.tracker.power(ref, 'reboot')).rejects.toMatchObject({ status: 503 });
      expect(t.fleet.get('default:1')).toMatchObject({ pending: null, server: { status: 'active' } });
      expect(t.outcomes).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          message: 'The reboot of server-1 failed after 0 s: VPS.org had a problem on its side (503).',
          finalStatus: 'active',
          error: { kind: 'server', status: 503, apiText: 'Service temporarily unavailable.' },
        }),
      ]);
      expect(t.tracker.hasTracked()).toBe(false);
    });

    it('an edit whose answer was lost is reported unknown, not failed', async () => {
      const t = setup([makeServer(1)], () => unused());
      t.api.updateServer = () =>
        Promise.reject(new VpsApiError('timeout', 'The update request timed out.', { outcomeUnknown: true }));
      await expect(t.tracker.update(ref, { name: 'renamed' })).rejects.toMatchObject({ outcomeUnknown: true });
      expect(t.outcomes).toEqual([
        expect.objectContaining({ action: 'update', outcome: 'unknown', error: { kind: 'timeout' } }),
      ]);
      expect(t.tracker.hasTracked()).toBe(false);
    });
  });

  describe('a list that lags behind the action (eventual consistency)', () => {
    const OLD = '2025-01-15T10:20:00Z';
    const ref = { accountId: 'default', id: 1 };

    it('a reboot is not reported done while the list still shows the server as before it', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => accepted('rebooting'));
      await t.tracker.power(ref, 'reboot');
      for (let second = 3; second <= 27; second += 3) {
        t.tick(3_000);
        t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      }
      expect(t.outcomes).toHaveLength(0);
      expect(t.fleet.get('default:1')).toMatchObject({
        server: { status: 'rebooting' },
        pending: { action: 'reboot' },
      });
      // The list catches up: the server is running again, changed after the reboot was accepted.
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'active', updated_at: iso(t.now() - 1_000) })]);
      expect(t.outcomes).toEqual([
        expect.objectContaining({ outcome: 'done', message: 'server-1 rebooted (30 s)', elapsedMs: 30_000 }),
      ]);
    });

    it('a stop is not reported failed while the list still says running; it finishes when the list shows the transition', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => accepted('stopping'));
      await t.tracker.power(ref, 'stop');
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes).toHaveLength(0);
      expect(t.fleet.get('default:1')?.server.status).toBe('stopping');
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'stopping', updated_at: OLD })]);
      expect(t.outcomes).toHaveLength(0);
      // Once the transition was seen, a settled status is the outcome, whatever its date.
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'stopped', updated_at: OLD })]);
      expect(t.outcomes).toEqual([
        expect.objectContaining({ outcome: 'done', action: 'stop', message: 'server-1 stopped (9 s)' }),
      ]);
    });

    it('a start is not reported failed while the list still says stopped', async () => {
      const t = setup([makeServer(1, { status: 'stopped', updated_at: OLD })], () => accepted('starting'));
      await t.tracker.power(ref, 'start');
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'stopped', updated_at: OLD })]);
      expect(t.outcomes).toHaveLength(0);
      expect(t.fleet.get('default:1')?.server.status).toBe('starting');
      t.tick(3_000);
      t.poll([makeServer(1, { status: 'active', updated_at: iso(t.now()) })]);
      expect(t.outcomes[0]).toMatchObject({ outcome: 'done', message: 'server-1 started (6 s)' });
    });

    it('after the grace period it settles on what the list shows: still running means the stop failed', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => accepted('stopping'));
      await t.tracker.power(ref, 'stop');
      t.tick(29_999);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes).toHaveLength(0);
      t.tick(1);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes[0]).toMatchObject({
        outcome: 'failed',
        message: 'The stop of server-1 failed: it is now running (after 30 s).',
      });
      expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' }, pending: null });
    });

    it('after the grace period an unchanged running server counts as rebooted', async () => {
      const t = setup([makeServer(1, { updated_at: OLD })], () => accepted('rebooting'));
      await t.tracker.power(ref, 'reboot');
      t.tick(30_000);
      t.poll([makeServer(1, { status: 'active', updated_at: OLD })]);
      expect(t.outcomes[0]).toMatchObject({ outcome: 'done', message: 'server-1 rebooted (30 s)' });
    });
  });

  it('tells subscribers when tracking starts and ends, until they unsubscribe', async () => {
    const t = setup([makeServer(1)], () => accepted('rebooting'));
    const ref = { accountId: 'default', id: 1 };
    const changes: boolean[] = [];
    const unsubscribe = t.tracker.onTrackingChanged(() => void changes.push(t.tracker.hasTracked()));
    await t.tracker.power(ref, 'reboot');
    t.tick(30_000);
    t.poll([makeServer(1, { status: 'active', updated_at: iso(t.now()) })]);
    expect(t.outcomes).toMatchObject([{ outcome: 'done' }]);
    expect(changes).toEqual([true, false]);
    unsubscribe();
    await t.tracker.power(ref, 'stop');
    expect(t.tracker.hasTracked()).toBe(true);
    expect(changes).toEqual([true, false]);
  });

  it('refuses a second action on a busy server with the reason as data, without a request', async () => {
    const t = setup([makeServer(1)], () => accepted('rebooting'));
    await t.tracker.power({ accountId: 'default', id: 1 }, 'reboot');
    const inFlight = {
      kind: 'conflict',
      message: 'server-1: wait until the current action (reboot) finishes.',
      conflict: { reason: 'in-flight', serverName: 'server-1', status: 'rebooting', pendingAction: 'reboot' },
    };
    await expect(t.tracker.power({ accountId: 'default', id: 1 }, 'stop')).rejects.toMatchObject(inFlight);
    await expect(t.tracker.update({ accountId: 'default', id: 1 }, { name: 'renamed' })).rejects.toMatchObject(
      inFlight,
    );
    expect(t.calls).toEqual(['reboot 1']);
  });

  it('refuses a power action the status does not allow with the reason as data, without a request', async () => {
    const t = setup([makeServer(1, { status: 'suspended' })], () => accepted('starting'));
    const refused = t.tracker.power({ accountId: 'default', id: 1 }, 'start');
    await expect(refused).rejects.toBeInstanceOf(ActionRefused);
    await expect(refused).rejects.toMatchObject({
      kind: 'conflict',
      message: 'server-1 is suspended; power actions are not available.',
      conflict: { reason: 'suspended', serverName: 'server-1', status: 'suspended' },
    });
    expect(t.calls).toEqual([]);
    expect(t.tracker.hasTracked()).toBe(false);
    expect(t.fleet.get('default:1')).toMatchObject({ pending: null, server: { status: 'suspended' } });
  });

  it('an edit the API refuses reverts the server and reports the failure in the notifications’ words', async () => {
    const t = setup([makeServer(1)], () => accepted('rebooting'));
    t.api.updateServer = () => {
      t.tick(2_000);
      return Promise.reject(new VpsApiError('bad-request', 'Name is taken.', { status: 400 }));
    };
    await expect(t.tracker.update({ accountId: 'default', id: 1 }, { name: 'taken' })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    expect(t.fleet.get('default:1')).toMatchObject({ pending: null, server: { name: 'server-1' } });
    expect(t.tracker.hasTracked()).toBe(false);
    expect(t.outcomes).toEqual([
      expect.objectContaining({
        action: 'update',
        outcome: 'failed',
        message: 'The rename of server-1 failed after 2 s: Name is taken.',
        finalStatus: 'active',
        error: { kind: 'bad-request', status: 400 },
      }),
    ]);
  });
});

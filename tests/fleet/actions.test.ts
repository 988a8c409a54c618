import { describe, expect, it } from 'vitest';
import { VpsApiError } from '../../main/api/errors';
import type { PowerActionResponse, Server } from '../../main/api/schemas';
import { createActionTracker, formatElapsed } from '../../main/fleet/actions';
import type { FleetApi } from '../../main/fleet/api';
import { createFleetState } from '../../main/fleet/state';
import type { ActionOutcome } from '../../preload/contract';
import { makeServer } from './fixtures';

const unused = () => Promise.reject(new Error('not used'));

function setup(servers: Server[], power: (id: number, action: string) => Promise<PowerActionResponse>) {
  let clock = 1_000_000;
  const calls: string[] = [];
  const api: FleetApi = {
    listServers: unused,
    getServer: unused,
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    startServer: (id) => (calls.push(`start ${id}`), power(id, 'start')),
    stopServer: (id) => (calls.push(`stop ${id}`), power(id, 'stop')),
    rebootServer: (id) => (calls.push(`reboot ${id}`), power(id, 'reboot')),
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
    onTrackingChanged: () => undefined,
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
  Promise.resolve({ status: 'success', message: `Server is ${status}`, server: { id: 1, name: 'srv-1', status } });

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
      expect.objectContaining({ outcome: 'done', message: 'srv-1 rebooted in 42 s', elapsedMs: 42_000 }),
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
      message: 'Stop of srv-1 failed: it is now suspended (after 10 s).',
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
    expect(t.outcomes[0]).toMatchObject({ outcome: 'removed', message: 'srv-1 no longer exists.' });
    expect(t.fleet.get('default:1')).toBeUndefined();
  });

  it('an unknown outcome (timeout) is not resent; the server reverts and the failure says so', async () => {
    const t = setup([makeServer(1)], () =>
      Promise.reject(
        new VpsApiError('timeout', 'No answer to the reboot request within 15 s.', { outcomeUnknown: true }),
      ),
    );
    await expect(t.tracker.power({ accountId: 'default', id: 1 }, 'reboot')).rejects.toMatchObject({ kind: 'timeout' });
    expect(t.calls).toEqual(['reboot 1']);
    expect(t.fleet.get('default:1')).toMatchObject({ pending: null, server: { status: 'active' } });
    expect(t.outcomes[0]?.message).toBe('Reboot of srv-1 failed: No answer to the reboot request within 15 s.');
  });

  it('formats elapsed time for people', () => {
    expect(formatElapsed(42_400)).toBe('42 s');
    expect(formatElapsed(185_000)).toBe('3 min 5 s');
    expect(formatElapsed(600_000)).toBe('10 min');
  });
});

// Reconciling the actions in flight with each poll (main/fleet/reconcile.ts): a poll older than the
// acceptance, a list that lags behind, a settled status, a server gone, and the timeout.
import { describe, expect, it } from 'vitest';
import { makeServer } from '../support/fixtures';
import { accepted, iso, setup } from './tracker-setup';

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
    expect(t.tracker.hasPending()).toBe(false);
  });

  it('a server gone from a later list is reported removed', async () => {
    const t = setup([makeServer(1), makeServer(2)], () => accepted('rebooting'));
    await t.tracker.power({ accountId: 'default', id: 1 }, 'reboot');
    t.tick(1000);
    t.poll([makeServer(2)]);
    expect(t.outcomes[0]).toMatchObject({ outcome: 'removed', message: 'server-1 no longer exists.' });
    expect(t.fleet.get('default:1')).toBeUndefined();
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
});

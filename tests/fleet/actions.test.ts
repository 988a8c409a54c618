import { describe, expect, it } from 'vitest';
import { VpsApiError } from '../../main/api/errors';
import { ActionRefused } from '../../main/errors';
import { makeServer } from '../support/fixtures';
import { accepted, failingAfter15s, iso, setup, timeout, unused } from './tracker-setup';

describe('action tracker', () => {
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
      expect(t.tracker.hasPending()).toBe(true);
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
      expect(t.tracker.hasPending()).toBe(false);
    });

    it('an edit whose answer was lost is reported unknown, not failed', async () => {
      const t = setup([makeServer(1)], () => unused());
      t.api.updateServer = () =>
        Promise.reject(new VpsApiError('timeout', 'The update request timed out.', { outcomeUnknown: true }));
      await expect(t.tracker.update(ref, { name: 'renamed' })).rejects.toMatchObject({ outcomeUnknown: true });
      expect(t.outcomes).toEqual([
        expect.objectContaining({ action: 'update', outcome: 'unknown', error: { kind: 'timeout' } }),
      ]);
      expect(t.tracker.hasPending()).toBe(false);
    });
  });

  it('tells subscribers when tracking starts and ends, until they unsubscribe', async () => {
    const t = setup([makeServer(1)], () => accepted('rebooting'));
    const ref = { accountId: 'default', id: 1 };
    const changes: boolean[] = [];
    const unsubscribe = t.tracker.onTrackingChanged(() => void changes.push(t.tracker.hasPending()));
    await t.tracker.power(ref, 'reboot');
    t.tick(30_000);
    t.poll([makeServer(1, { status: 'active', updated_at: iso(t.now()) })]);
    expect(t.outcomes).toMatchObject([{ outcome: 'done' }]);
    // Tracked, accepted (its reads begin), ended.
    expect(changes).toEqual([true, true, false]);
    unsubscribe();
    await t.tracker.power(ref, 'stop');
    expect(t.tracker.hasPending()).toBe(true);
    expect(changes).toEqual([true, true, false]);
  });

  it('reads the server of an accepted power action on its own on growing waits, shows each read and settles by one', async () => {
    const t = setup([makeServer(1), makeServer(2)], () => accepted('rebooting'));
    const ref = { accountId: 'default', id: 1 };
    const acceptedAt = t.now();
    await t.tracker.power(ref, 'reboot');
    expect(t.tracker.nextReadAt()).toBe(acceptedAt + 2000);
    expect(t.tracker.readsDue(t.now())).toEqual([]);
    const waits: number[] = [];
    let last = acceptedAt;
    for (let read = 0; read < 6; read++) {
      t.tick((t.tracker.nextReadAt() ?? 0) - t.now());
      expect(t.tracker.readsDue(t.now())).toEqual([1]);
      waits.push(t.now() - last);
      last = t.now();
      expect(t.tracker.applyRead(makeServer(1, { status: 'rebooting' }), t.now())).toBe(false);
    }
    expect(waits).toEqual([2000, 3000, 5000, 6000, 6000, 6000]);
    expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'rebooting' }, pending: { action: 'reboot' } });
    expect(t.tracker.isReadAlone('default:1')).toBe(true);
    expect(t.tracker.isReadAlone('default:2')).toBe(false);
    t.tick(6000);
    expect(t.tracker.applyRead(makeServer(1, { status: 'active', updated_at: iso(t.now()) }), t.now())).toBe(true);
    expect(t.fleet.get('default:1')).toMatchObject({ server: { status: 'active' }, pending: null });
    expect(t.outcomes).toMatchObject([{ outcome: 'done', action: 'reboot' }]);
    expect(t.tracker.nextReadAt()).toBeNull();
  });

  it('a settling server not found on its own read is gone; many settling at once are left to the list', async () => {
    const servers = [1, 2, 3, 4, 5].map((id) => makeServer(id));
    const t = setup(servers, () => accepted('rebooting'));
    await t.tracker.power({ accountId: 'default', id: 1 }, 'reboot');
    t.tracker.readGone(1);
    expect(t.fleet.get('default:1')).toBeUndefined();
    expect(t.outcomes).toMatchObject([{ outcome: 'removed' }]);
    for (const id of [2, 3, 4]) await t.tracker.power({ accountId: 'default', id }, 'reboot');
    expect(t.tracker.nextReadAt()).not.toBeNull();
    await t.tracker.power({ accountId: 'default', id: 5 }, 'reboot');
    expect(t.tracker.nextReadAt()).toBeNull();
    expect(t.tracker.isReadAlone('default:2')).toBe(false);
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
    expect(t.tracker.hasPending()).toBe(false);
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
    expect(t.tracker.hasPending()).toBe(false);
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

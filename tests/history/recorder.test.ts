// What the recorder makes of what the core tells: status changes (and none after a restart that changed
// nothing), account failures and recoveries, alerts raised, hardened, acknowledged and ended, actions with
// where they started and how long they took, and the app's own gaps.
import { describe, expect, it } from 'vitest';
import type { AlertsSnapshot, Deviation } from '../../common/alerts';
import type { FleetDelta, FleetStatus } from '../../common/contract';
import { createRecorder } from '../../main/history/recorder';
import { makeServer } from '../support/fixtures';

const OK: FleetStatus = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };

function delta(statuses: Record<number, string>, accounts: Record<string, FleetStatus> = { a1: OK }): FleetDelta {
  return {
    upserted: Object.entries(statuses).map(([id, status]) => ({
      key: `a1:${id}`,
      accountId: 'a1',
      server: makeServer(Number(id), { status }),
      pending: null,
    })),
    removed: [],
    status: OK,
    accounts,
  };
}

function clock(start = 1000) {
  let time = start;
  return { now: () => time, set: (next: number) => void (time = next) };
}

const alerts = (deviations: Deviation[], paused = false): AlertsSnapshot => ({
  servers: {
    'a1:7': {
      key: 'a1:7',
      name: 'web',
      expectation: 'should-run',
      deviations,
      pause: paused ? { until: null } : null,
      thresholds: {},
    },
  },
  pauseAll: null,
  attention: [],
});

describe('history recorder', () => {
  it('records each status change from → to, the first sighting from null, and nothing when nothing changed', () => {
    const time = clock();
    const recorder = createRecorder(time.now);
    recorder.fleetChanged(delta({ 7: 'active' }));
    time.set(2000);
    recorder.fleetChanged(delta({ 7: 'active' }));
    recorder.fleetChanged(delta({ 7: 'stopped' }));
    expect(recorder.take()).toEqual([
      { at: 1000, accountId: 'a1', serverId: 7, kind: 'status', from: null, to: 'active' },
      { at: 2000, accountId: 'a1', serverId: 7, kind: 'status', from: 'active', to: 'stopped' },
    ]);
    expect(recorder.take()).toEqual([]);
  });

  it('after a restart seeded with the last recorded statuses, an unchanged server records nothing', () => {
    const recorder = createRecorder(clock().now);
    recorder.seedStatuses([['a1:7', 'active']]);
    recorder.fleetChanged(delta({ 7: 'active', 8: 'stopped' }));
    expect(recorder.take()).toEqual([expect.objectContaining({ serverId: 8, from: null, to: 'stopped' })]);
  });

  it('records an account failing (with why, from when) and recovering, once each', () => {
    const time = clock();
    const recorder = createRecorder(time.now);
    const failing: FleetStatus = {
      ...OK,
      stale: { kind: 'rate-limited', message: 'slow down', since: 900, retryAfterSeconds: 30 },
    };
    recorder.fleetChanged(delta({}, { a1: failing }));
    recorder.fleetChanged(delta({}, { a1: failing }));
    time.set(5000);
    recorder.fleetChanged(delta({}, { a1: OK }));
    expect(recorder.take()).toEqual([
      { at: 900, accountId: 'a1', kind: 'account', change: 'failed', failure: 'rate-limited' },
      { at: 5000, accountId: 'a1', kind: 'account', change: 'recovered' },
    ]);
  });

  it.each([
    ['network', 'offline'],
    ['timeout', 'offline'],
    ['unauthorized', 'unauthorized'],
    ['server', 'server-error'],
  ] as const)('words a %s failure as %s', (kind, failure) => {
    const recorder = createRecorder(clock().now);
    recorder.fleetChanged(delta({}, { a1: { ...OK, stale: { kind, message: '', since: 1 } } }));
    expect(recorder.take()).toEqual([expect.objectContaining({ failure })]);
  });

  it('records an alert raised (soft, paused or not), turned hard, acknowledged and ended', () => {
    const time = clock();
    const recorder = createRecorder(time.now);
    const soft: Deviation = { kind: 'stopped', since: 1000, hardSince: null, acknowledged: false };
    recorder.alertsChanged(alerts([soft], true));
    time.set(2000);
    recorder.alertsChanged(alerts([{ ...soft, hardSince: 2000 }], true));
    time.set(3000);
    recorder.alertsChanged(alerts([{ ...soft, hardSince: 2000, acknowledged: true }]));
    time.set(4000);
    recorder.alertsChanged({ servers: {}, pauseAll: null, attention: [] });
    const base = { accountId: 'a1', serverId: 7, kind: 'alert', alert: 'stopped' };
    expect(recorder.take()).toEqual([
      { ...base, at: 1000, state: 'raised', paused: true },
      { ...base, at: 2000, state: 'hard' },
      { ...base, at: 3000, state: 'acknowledged' },
      { ...base, at: 4000, state: 'ended' },
    ]);
  });

  it('records an action sent with its source, and its outcome with that source and the time it took', () => {
    const time = clock();
    const recorder = createRecorder(time.now);
    const ref = { accountId: 'a1', id: 7 };
    recorder.actionStarted(ref, 'reboot', 'notification');
    time.set(50_000);
    recorder.actionFinished({
      ref,
      serverName: 'web',
      action: 'reboot',
      outcome: 'done',
      message: '',
      elapsedMs: 49_000.4,
      finalStatus: 'active',
    });
    recorder.actionFinished({
      ref,
      serverName: 'web',
      action: 'delete',
      outcome: 'done',
      message: '',
      elapsedMs: 1,
      finalStatus: null,
    });
    const base = { accountId: 'a1', serverId: 7, kind: 'action', action: 'reboot', source: 'notification' };
    expect(recorder.take()).toEqual([
      { ...base, at: 1000, outcome: 'sent' },
      { ...base, at: 50_000, outcome: 'succeeded', tookMs: 49_000 },
    ]);
  });

  it('records the machine asleep from suspend to resume, and the app not running until its first poll', () => {
    const time = clock();
    const recorder = createRecorder(time.now);
    recorder.notRunningSince(100);
    recorder.fleetChanged(delta({}, { a1: { ...OK, lastSuccessAt: null } }));
    expect(recorder.take()).toEqual([]);
    time.set(1500);
    recorder.fleetChanged(delta({}));
    time.set(2000);
    recorder.suspended();
    time.set(9000);
    recorder.resumed();
    recorder.resumed();
    expect(recorder.take()).toEqual([
      { at: 100, accountId: '*', kind: 'gap', until: 1500, reason: 'closed' },
      { at: 2000, accountId: '*', kind: 'gap', until: 9000, reason: 'suspended' },
    ]);
  });

  it('forgets a removed account: its batch and its last statuses', () => {
    const recorder = createRecorder(clock().now);
    recorder.fleetChanged(delta({ 7: 'active' }));
    recorder.forgetAccount('a1');
    expect(recorder.take()).toEqual([]);
    recorder.fleetChanged(delta({ 7: 'active' }));
    expect(recorder.take()).toEqual([expect.objectContaining({ from: null, to: 'active' })]);
  });
});

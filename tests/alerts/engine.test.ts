import { describe, expect, it } from 'vitest';
import type { AlertEvent, ObservedServer } from '../../main/alerts/conditions';
import { createAlertEngine } from '../../main/alerts/engine';
import { pauseFor, withoutEndedPauses } from '../../main/alerts/pauses';
import type { UsagePercents } from '../../main/alerts/usage';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../common/settings';

const MIN = 60_000;

function setup(overrides: Partial<AlertSettings> = {}) {
  let now = Date.UTC(2026, 0, 5, 12, 0);
  let settings: AlertSettings = { ...structuredClone(DEFAULT_ALERT_SETTINGS), ...overrides };
  const engine = createAlertEngine({ now: () => now, settings: () => settings });
  const events: AlertEvent[] = [];
  const servers = new Map<number, ObservedServer>();
  let fresh = true;
  const poll = () => {
    const result = engine.observe({ accounts: [{ accountId: 'a', fresh }], servers: [...servers.values()] });
    events.push(...result.events);
    settings = { ...settings, expectations: { ...settings.expectations, ...result.learned } };
    return result;
  };
  const put = (id: number, status: string, pending = false) =>
    servers.set(id, { accountId: 'a', id, name: `s${id}`, status, pending });
  return {
    engine,
    events,
    servers,
    put,
    poll,
    /** Polls every minute for `minutes`. */
    pollFor(minutes: number) {
      for (let i = 0; i < minutes; i++) {
        now += MIN;
        poll();
      }
    },
    advance: (ms: number) => (now += ms),
    now: () => now,
    setFresh: (value: boolean) => (fresh = value),
    settings: () => settings,
    change: (patch: Partial<AlertSettings>) => (settings = { ...settings, ...patch }),
    usage: (id: number, percents: Partial<UsagePercents>) =>
      events.push(
        ...engine.observeUsage(new Map([[`a:${id}`, { cpu: null, disk: null, bandwidth: null, ...percents }]])).events,
      ),
  };
}

describe('alert engine: expectations and status deviations', () => {
  it('learns should-run for a server first seen running, may-stop for one first seen stopped', () => {
    const t = setup();
    t.put(1, 'active');
    t.put(2, 'stopped');
    t.put(3, 'rebooting');
    expect(t.poll().learned).toEqual({ 'a:1': 'should-run', 'a:2': 'may-stop' });
    t.put(3, 'active');
    expect(t.poll().learned).toEqual({ 'a:3': 'should-run' });
  });

  it('storing what it learned is no settings change: the next poll evaluates only the server that changed', () => {
    const t = setup();
    for (let id = 1; id <= 50; id++) t.put(id, 'active');
    t.poll(); // learns 50 expectations, which setup stores as the alerts feature does
    // Every evaluation of a server reads that server's pause: the reads name the servers evaluated.
    const evaluated: string[] = [];
    const serverPauses = new Proxy<AlertSettings['serverPauses']>(
      {},
      {
        get(target, key) {
          if (typeof key === 'string') evaluated.push(key);
          return Reflect.get(target, key) as unknown;
        },
      },
    );
    t.change({ serverPauses });
    t.put(7, 'stopped');
    t.poll();
    expect(evaluated).toEqual(['a:7']);
  });

  it('a should-run server that stops: one notification after the hold time, one on recovery, never per poll', () => {
    const t = setup();
    t.put(1, 'active');
    t.poll();
    t.put(1, 'stopped');
    t.pollFor(2);
    expect(t.events).toEqual([]);
    expect(t.engine.snapshot().servers['a:1']?.deviations[0]).toMatchObject({ kind: 'stopped', hardSince: null });
    expect(t.engine.snapshot().attention).toEqual([]);
    t.pollFor(1); // 3 minutes: hard
    t.pollFor(10);
    expect(t.events).toEqual([{ type: 'deviation', key: 'a:1', name: 's1', kind: 'stopped' }]);
    expect(t.engine.snapshot().attention).toEqual(['a:1']);
    t.put(1, 'active');
    t.pollFor(5);
    expect(t.events.map((event) => event.type)).toEqual(['deviation', 'recovered']);
    expect(t.engine.snapshot().attention).toEqual([]);
  });

  it('a stopped server that may stop is calm; switching it to should-run makes it deviate', () => {
    const t = setup();
    t.put(1, 'stopped');
    t.poll();
    t.pollFor(10);
    expect(t.events).toEqual([]);
    t.change({ expectations: { 'a:1': 'should-run' } });
    t.pollFor(3); // seen at the first of these polls: held 2 minutes
    expect(t.events).toEqual([]);
    t.pollFor(1);
    expect(t.events).toEqual([{ type: 'deviation', key: 'a:1', name: 's1', kind: 'stopped' }]);
    // Back to may-stop: the deviation ends without a "back to normal" (the user said it is fine).
    t.change({ expectations: { 'a:1': 'may-stop' } });
    t.pollFor(1);
    expect(t.events).toHaveLength(1);
    expect(t.engine.snapshot().attention).toEqual([]);
  });

  it('suspended, gone and unknown statuses deviate; a stale list never makes a server gone', () => {
    const t = setup();
    for (const id of [1, 2, 3]) t.put(id, 'active');
    t.poll();
    t.put(1, 'suspended');
    t.put(2, 'migrating');
    t.servers.delete(3);
    t.setFresh(false);
    t.pollFor(5);
    expect(t.events.map((event) => event.kind).toSorted()).toEqual(['suspended', 'unknown-status']);
    t.setFresh(true);
    t.pollFor(4);
    expect(t.events.map((event) => event.kind)).toContain('gone');
    t.put(3, 'active');
    t.pollFor(1);
    expect(t.events.at(-1)).toEqual({ type: 'recovered', key: 'a:3', name: 's3', kind: 'gone' });
  });

  it('a reboot in progress or a pending action never alerts, however long it takes', () => {
    const t = setup();
    t.put(1, 'active');
    t.poll();
    t.put(1, 'rebooting');
    t.pollFor(10);
    t.put(1, 'stopped', true);
    t.pollFor(10);
    t.put(1, 'active');
    t.pollFor(2);
    expect(t.events).toEqual([]);
  });

  it('a short stop (a spike) shorter than the hold time never alerts', () => {
    const t = setup();
    t.put(1, 'active');
    t.poll();
    t.put(1, 'stopped');
    t.pollFor(2);
    t.put(1, 'active');
    t.pollFor(10);
    expect(t.events).toEqual([]);
  });

  it('the hold time is configurable, and tick() turns a deviation hard between polls at nextWakeAt', () => {
    const t = setup({ holdSeconds: 30 });
    t.put(1, 'active');
    t.poll();
    t.put(1, 'stopped');
    t.poll();
    expect(t.engine.nextWakeAt()).toBe(t.now() + 30_000);
    t.advance(30_000);
    expect(t.engine.tick().events).toEqual([{ type: 'deviation', key: 'a:1', name: 's1', kind: 'stopped' }]);
    expect(t.engine.nextWakeAt()).toBeNull();
  });

  it('a server of an account whose session ended is forgotten without a notification', () => {
    const t = setup({ holdSeconds: 0 });
    t.put(1, 'active');
    t.poll();
    t.put(1, 'stopped');
    t.poll();
    expect(t.events).toHaveLength(1);
    t.engine.observe({ accounts: [], servers: [] });
    expect(t.engine.snapshot()).toMatchObject({ servers: {}, attention: [] });
  });

  it('a server that vanishes during an action waits one more list (a delete is forgotten by then)', () => {
    const t = setup({ holdSeconds: 0 });
    t.put(1, 'active');
    t.put(2, 'active');
    t.poll();
    t.put(1, 'active', true);
    t.put(2, 'active', true);
    t.poll();
    t.servers.delete(1);
    t.servers.delete(2);
    t.poll();
    expect(t.events).toEqual([]);
    t.engine.forget('a:1'); // the delete's outcome
    t.poll();
    expect(t.events).toEqual([{ type: 'deviation', key: 'a:2', name: 's2', kind: 'gone' }]);
  });

  it('forgetting a deleted server means no "gone" deviation for it', () => {
    const t = setup({ holdSeconds: 0 });
    t.put(1, 'active');
    t.poll();
    t.engine.forget('a:1');
    t.servers.delete(1);
    t.pollFor(5);
    expect(t.events).toEqual([]);
  });
});

describe('alert engine: thresholds', () => {
  it('CPU over the threshold alerts after the hold time and clears only below threshold − 5 (no flapping)', () => {
    const t = setup({ thresholds: { cpuPercent: 90, diskPercent: null, bandwidthPercent: null } });
    t.put(1, 'active');
    t.poll();
    for (const value of [91, 89, 92, 88, 90, 87, 91, 89]) {
      t.advance(MIN);
      t.usage(1, { cpu: value });
    }
    expect(t.events).toEqual([{ type: 'deviation', key: 'a:1', name: 's1', kind: 'cpu' }]);
    expect(t.engine.snapshot().servers['a:1']?.deviations[0]).toMatchObject({ kind: 'cpu', percent: 89 });
    t.advance(MIN);
    t.usage(1, { cpu: 84.9 });
    expect(t.events.at(-1)).toEqual({ type: 'recovered', key: 'a:1', name: 's1', kind: 'cpu' });
    expect(t.events).toHaveLength(2);
  });

  it('a CPU spike shorter than the hold time never alerts', () => {
    const t = setup({ thresholds: { cpuPercent: 90, diskPercent: null, bandwidthPercent: null } });
    t.put(1, 'active');
    t.poll();
    t.advance(MIN);
    t.usage(1, { cpu: 99 });
    t.advance(MIN);
    t.usage(1, { cpu: 30 });
    t.pollFor(10);
    expect(t.events).toEqual([]);
  });

  it('a per-server threshold overrides the global one, and null switches it off for that server', () => {
    const t = setup({
      holdSeconds: 0,
      thresholds: { cpuPercent: null, diskPercent: 80, bandwidthPercent: 80 },
      serverThresholds: { 'a:1': { diskPercent: 95 }, 'a:2': { bandwidthPercent: null } },
    });
    t.put(1, 'active');
    t.put(2, 'active');
    t.poll();
    t.usage(1, { disk: 90, bandwidth: 10 });
    t.usage(2, { disk: 10, bandwidth: 99 });
    expect(t.events).toEqual([]);
    t.usage(1, { disk: 96, bandwidth: 10 });
    expect(t.events).toEqual([{ type: 'deviation', key: 'a:1', name: 's1', kind: 'disk' }]);
  });
});

describe('alert engine: acknowledgement and pauses', () => {
  it('acknowledging calms the icon until the server state changes again', () => {
    const t = setup({ holdSeconds: 0 });
    t.put(1, 'active');
    t.poll();
    t.put(1, 'stopped');
    t.poll();
    expect(t.engine.acknowledge('a:1')).toBe(true);
    expect(t.engine.acknowledge('a:1')).toBe(false);
    t.pollFor(5);
    expect(t.engine.snapshot().attention).toEqual([]);
    expect(t.engine.snapshot().servers['a:1']?.deviations[0]).toMatchObject({ kind: 'stopped', acknowledged: true });
    t.put(1, 'suspended');
    t.poll();
    expect(t.engine.snapshot().attention).toEqual(['a:1']);
    expect(t.events.map((event) => `${event.type}:${event.kind}`)).toEqual([
      'deviation:stopped',
      'deviation:suspended',
    ]);
  });

  it('an acknowledgement ends when the raw status changes, even when the deviation kind stays the same', () => {
    const t = setup({ holdSeconds: 0 });
    t.put(1, 'active');
    t.put(2, 'active');
    t.poll();
    // Two unknown statuses: both are 'unknown-status'.
    t.put(1, 'migrating');
    t.put(2, 'stopped');
    t.poll();
    expect(t.engine.acknowledge('a:1')).toBe(true);
    expect(t.engine.acknowledge('a:2')).toBe(true);
    t.poll();
    expect(t.engine.snapshot().attention).toEqual([]);
    t.put(1, 'rescue');
    t.poll();
    expect(t.engine.snapshot().servers['a:1']?.deviations[0]).toMatchObject({
      kind: 'unknown-status',
      acknowledged: false,
    });
    expect(t.engine.snapshot().attention).toEqual(['a:1']);
    // Stopped, a start that did not take, stopped again: the same kind, but the state changed twice.
    t.put(2, 'starting');
    t.poll();
    t.put(2, 'stopped');
    t.poll();
    expect(t.engine.snapshot().servers['a:2']?.deviations[0]).toMatchObject({ kind: 'stopped', acknowledged: false });
    expect(t.engine.snapshot().attention.toSorted()).toEqual(['a:1', 'a:2']);
    // Each deviation was told once: the state changes end the acknowledgement, not the deviation.
    expect(t.events.map((event) => `${event.key}:${event.kind}`).toSorted()).toEqual([
      'a:1:unknown-status',
      'a:2:stopped',
    ]);
  });

  it('a paused server stays quiet; when the hour ends, a deviation still there is told once', () => {
    const t = setup({ holdSeconds: 0 });
    t.put(1, 'active');
    t.poll();
    t.change({ serverPauses: { 'a:1': pauseFor('1h', t.now())! } });
    t.put(1, 'stopped');
    t.pollFor(30);
    expect(t.events).toEqual([]);
    expect(t.engine.snapshot()).toMatchObject({
      attention: [],
      servers: { 'a:1': { pause: { until: expect.any(Number) } } },
    });
    const wake = t.engine.nextWakeAt();
    expect(wake).toBe(t.now() + 30 * MIN);
    t.advance(30 * MIN);
    expect(t.engine.tick().events).toEqual([{ type: 'deviation', key: 'a:1', name: 's1', kind: 'stopped' }]);
    expect(t.engine.snapshot().attention).toEqual(['a:1']);
    expect(withoutEndedPauses(t.settings(), t.now())).toMatchObject({ serverPauses: {} });
  });

  it('pausing the whole tray until turned back on silences every server; turning it off brings attention back', () => {
    const t = setup({ holdSeconds: 0, pauseAll: { until: null } });
    t.put(1, 'active');
    t.put(2, 'active');
    t.poll();
    t.put(1, 'stopped');
    t.servers.delete(2);
    t.pollFor(60 * 24);
    expect(t.events).toEqual([]);
    expect(t.engine.nextWakeAt()).toBeNull();
    t.change({ pauseAll: pauseFor('off', t.now()) });
    t.poll();
    expect(t.events).toHaveLength(2);
    expect(t.engine.snapshot().attention.toSorted()).toEqual(['a:1', 'a:2']);
  });
});

/** 1 000 servers that should run, all seen once; `reads` names the servers whose expectation was read since. */
function large() {
  const reads = new Set<string>();
  const expectations: Record<string, 'should-run' | 'may-stop'> = {};
  const servers = Array.from({ length: 1000 }, (_, index) => ({
    accountId: 'a',
    id: index + 1,
    name: `s${index + 1}`,
    status: 'active',
    pending: false,
  }));
  for (const server of servers) expectations[`a:${server.id}`] = 'should-run';
  const watchedExpectations = new Proxy(expectations, {
    get(target, key, receiver) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  let now = Date.UTC(2026, 0, 5, 12, 0);
  const settings: AlertSettings = { ...structuredClone(DEFAULT_ALERT_SETTINGS), expectations: watchedExpectations };
  const engine = createAlertEngine({ now: () => now, settings: () => settings });
  const observe = () => engine.observe({ accounts: [{ accountId: 'a', fresh: true }], servers: [...servers] });
  observe();
  engine.snapshot();
  reads.clear();
  return { engine, servers, reads, observe, advance: (ms: number) => (now += ms) };
}

describe('alert engine: an observation costs what changed', () => {
  it('evaluates only the servers whose observation changed; the snapshot stays the same object while nothing in it did', () => {
    const t = large();
    const before = t.engine.snapshot();
    t.observe();
    expect(t.reads).toEqual(new Set());
    expect(t.engine.snapshot()).toBe(before);

    t.servers[41] = { ...t.servers[41]!, status: 'rebooting' };
    t.servers[42] = { ...t.servers[42]!, name: 'renamed' };
    t.observe();
    expect([...t.reads].toSorted()).toEqual(['a:42', 'a:43']);
    const after = t.engine.snapshot();
    expect(after).not.toBe(before);
    expect(after.servers['a:43']?.name).toBe('renamed');
    // An unchanged server keeps its entry.
    expect(after.servers['a:1']).toBe(before.servers['a:1']);
  });

  it('a deviation within its hold time and a missing server are looked at again at every observation; tick looks at all', () => {
    const t = large();
    t.servers[0] = { ...t.servers[0]!, status: 'stopped' };
    t.servers.splice(999, 1);
    t.observe();
    t.reads.clear();
    t.advance(MIN);
    t.observe();
    expect([...t.reads].toSorted()).toEqual(['a:1', 'a:1000']);
    t.advance(3 * MIN);
    expect(t.engine.observe({ accounts: [{ accountId: 'a', fresh: true }], servers: [...t.servers] }).events).toEqual([
      { type: 'deviation', key: 'a:1', name: 's1', kind: 'stopped' },
      { type: 'deviation', key: 'a:1000', name: 's1000', kind: 'gone' },
    ]);
    t.reads.clear();
    t.engine.tick();
    expect(t.reads.size).toBe(1000);
  });
});

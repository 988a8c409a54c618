// The history put together, on a real temp folder: a poll's events written in one append after the
// poll's synchronous work, the marks that survive a restart (the app's "not running" gap, the digest
// since the popup was last closed), the keep-days setting (0: nothing recorded, the file gone), a
// removed account's events gone, Clear, and the events the popup hears about.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FleetDelta, FleetStatus } from '../../common/contract';
import type { HistoryKeepDays } from '../../common/history';
import type { ServerRef } from '../../common/servers';
import { createHistory, type HistoryDeps } from '../../main/history/history';
import { makeServer } from '../support/fixtures';

const OK: FleetStatus = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };
const HOUR = 60 * 60 * 1000;
const START = Date.UTC(2026, 11, 7, 8);

function delta(statuses: Record<number, string>): FleetDelta {
  return {
    upserted: Object.entries(statuses).map(([id, status]) => ({
      key: `a1:${id}`,
      accountId: 'a1',
      server: makeServer(Number(id), { status }),
      pending: null,
    })),
    removed: [],
    status: OK,
    accounts: { a1: OK },
  };
}

let root: string;
let time: number;
let keepDays: HistoryKeepDays;
let queue: (() => void)[];
let recorded: ServerRef[][];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vps-history-app-'));
  time = START;
  keepDays = 90;
  queue = [];
  recorded = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const folder = () => join(root, 'history');
const fileText = () => readFileSync(join(folder(), 'events.jsonl'), 'utf8');
const runQueued = () => queue.splice(0).forEach((task) => task());

function open(overrides: Partial<HistoryDeps> = {}) {
  const history = createHistory({
    directory: folder(),
    now: () => time,
    log: () => undefined,
    keepDays: () => keepDays,
    names: { server: (ref) => `server-${ref.id}`, account: () => 'Work' },
    servers: () => [{ accountId: 'a1', id: 7 }],
    onRecorded: (refs) => void recorded.push(refs),
    defer: (task) => void queue.push(task),
    ...overrides,
  });
  history.start();
  // The start's own deferred work (reading the last statuses) is done before the first poll's answer.
  runQueued();
  return history;
}

describe('history', () => {
  it('writes a poll’s events in one append after the poll’s synchronous work, and says which servers got some', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active', 8: 'active' }));
    history.recorder.fleetChanged(delta({ 7: 'stopped' }));
    expect(existsSync(join(folder(), 'events.jsonl'))).toBe(false);
    expect(queue).toHaveLength(1);
    runQueued();
    expect(fileText().trim().split('\n')).toHaveLength(3);
    expect(recorded).toEqual([
      [
        { accountId: 'a1', id: 7 },
        { accountId: 'a1', id: 8 },
      ],
    ]);
    expect(statSync(join(folder(), 'events.jsonl')).mode & 0o777).toBe(0o600);
    history.stop();
  });

  it('keeps no name or address in the file: ids only', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    history.flush();
    expect(fileText()).not.toContain('server-7');
    expect(fileText()).not.toContain('example.com');
    history.stop();
  });

  it('after a restart: nothing recorded for an unchanged server, the time it was not running a gap until the first poll', () => {
    const first = open();
    first.recorder.fleetChanged(delta({ 7: 'active' }));
    time += HOUR;
    first.stop();

    time += 10 * HOUR;
    const second = open();
    time += 60_000;
    second.recorder.fleetChanged(delta({ 7: 'active' }));
    second.flush();
    const lines = fileText()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.kind)).toEqual(['status', 'gap']);
    expect(lines[1]).toMatchObject({ at: START + HOUR, until: START + 11 * HOUR + 60_000, reason: 'closed' });
    const answer = second.server({ accountId: 'a1', id: 7 });
    expect(answer.uptime.day).toEqual({ upMs: HOUR, downMs: 0, unknownMs: 23 * HOUR });
    second.stop();
  });

  it('the digest is what happened since the popup was last closed, across a restart; dismissed, it is gone until the next opening', () => {
    const first = open();
    first.recorder.fleetChanged(delta({ 7: 'active' }));
    first.popupShown();
    first.popupHidden();
    time += HOUR;
    first.recorder.fleetChanged(delta({ 7: 'stopped' }));
    first.stop();

    const second = open();
    second.popupShown();
    expect(second.digest()).toEqual({
      since: START,
      entries: [expect.objectContaining({ kind: 'status', from: 'active', to: 'stopped', name: 'server-7' })],
    });
    second.dismissDigest();
    expect(second.digest()).toBeNull();
    second.popupHidden();
    time += HOUR;
    second.popupShown();
    expect(second.digest()).toBeNull();
    second.stop();
  });

  it('kept 0 days: records nothing and removes the file; back on, records again', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    history.flush();
    keepDays = 0;
    history.keepDaysChanged();
    expect(existsSync(join(folder(), 'events.jsonl'))).toBe(false);
    history.recorder.fleetChanged(delta({ 7: 'stopped' }));
    history.flush();
    expect(existsSync(join(folder(), 'events.jsonl'))).toBe(false);
    expect(history.server({ accountId: 'a1', id: 7 })).toMatchObject({ off: true, entries: [] });
    keepDays = 7;
    history.keepDaysChanged();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    history.flush();
    expect(fileText()).toContain('"to":"active"');
    history.stop();
  });

  it('a shorter keep-days drops the older events in the background', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    history.flush();
    time += 10 * 24 * HOUR;
    history.recorder.fleetChanged(delta({ 7: 'stopped' }));
    history.flush();
    keepDays = 7;
    history.keepDaysChanged();
    expect(fileText().trim().split('\n')).toHaveLength(2);
    runQueued();
    expect(fileText().trim().split('\n')).toHaveLength(1);
    history.stop();
  });

  it('a removed account’s events are gone from the file; Clear forgets every account', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    history.recorder.fleetChanged({
      ...delta({}),
      upserted: [{ key: 'a2:9', accountId: 'a2', server: makeServer(9), pending: null }],
    });
    history.flush();
    history.removeAccount('a1');
    expect(fileText()).not.toContain('"a1"');
    expect(fileText()).toContain('"a2"');
    history.clear();
    expect(history.events()).toEqual([]);
    history.stop();
  });

  it('exports a server’s history with its name looked up now', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    const file = history.exportOf({ accountId: 'a1', serverId: 7, format: 'csv' });
    expect(file.fileName).toBe('vps-history-server-7.csv');
    expect(file.content).toContain(',server-7,');
    history.stop();
  });

  it('the fleet’s uptime reads the file again after new events at most once a minute', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    time += HOUR;
    expect(history.fleetUptime().uptime).toMatchObject({ upMs: HOUR, downMs: 0 });
    history.recorder.fleetChanged(delta({ 7: 'stopped' }));
    time += 30_000;
    runQueued();
    expect(history.fleetUptime().uptime).toMatchObject({ upMs: HOUR, downMs: 0 });
    time += 30_000;
    expect(history.fleetUptime().uptime).toMatchObject({ upMs: HOUR, downMs: 60_000 });
    history.stop();
  });

  it('writes nothing after stop, so a removed profile is not made again (a self-test removes its own)', () => {
    const history = open();
    history.recorder.fleetChanged(delta({ 7: 'active' }));
    history.stop();
    rmSync(root, { recursive: true, force: true });
    history.recorder.fleetChanged(delta({ 7: 'stopped' }));
    runQueued();
    history.flush();
    expect(existsSync(root)).toBe(false);
  });
});

// A day of polls on a fake clock, on a real file: 200 servers, every one changing status at every
// one-minute poll, a tenth of them replaced by new ones each hour, with alerts coming and going. What
// the history holds in memory stays bounded by the fleet (never by the events), and the file stays
// under its size cap, compacted after the polls' work, with the newest events kept.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertsSnapshot } from '../../common/alerts';
import type { FleetDelta, FleetStatus } from '../../common/contract';
import { createHistory } from '../../main/history/history';
import { makeServer } from '../support/fixtures';

const MINUTE = 60_000;
const SERVERS = 200;
const CAP = 4 * 1024 * 1024;
const OK: FleetStatus = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };
const folder = mkdtempSync(join(tmpdir(), 'vps-history-soak-'));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('history over a day of polls', () => {
  it('holds memory bounded by the fleet and keeps the file under its cap', () => {
    let time = Date.UTC(2026, 11, 7);
    const queue: (() => void)[] = [];
    const history = createHistory({
      directory: folder,
      now: () => time,
      log: () => undefined,
      keepDays: () => 90,
      names: { server: () => null, account: () => null },
      servers: () => [],
      onRecorded: () => undefined,
      defer: (task) => void queue.push(task),
    });
    history.start();
    let firstId = 1;
    const held: number[] = [];
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      time += MINUTE;
      const removed: string[] = [];
      if (minute % 60 === 59) {
        for (let id = firstId; id < firstId + SERVERS / 10; id += 1) removed.push(`a1:${id}`);
        firstId += SERVERS / 10;
      }
      const status = minute % 2 === 0 ? 'active' : 'stopped';
      const upserted = [];
      for (let id = firstId; id < firstId + SERVERS; id += 1)
        upserted.push({ key: `a1:${id}`, accountId: 'a1', server: makeServer(id, { status }), pending: null });
      const delta: FleetDelta = { upserted, removed, status: OK, accounts: { a1: OK } };
      history.recorder.fleetChanged(delta);
      const alerts: AlertsSnapshot = { servers: {}, pauseAll: null, attention: [] };
      if (status === 'stopped')
        alerts.servers[`a1:${firstId}`] = {
          key: `a1:${firstId}`,
          name: '',
          expectation: 'should-run',
          deviations: [{ kind: 'stopped', since: time, hardSince: null, acknowledged: false }],
          pause: null,
          thresholds: {},
        };
      history.recorder.alertsChanged(alerts);
      // After the poll: its flush, then a compaction the flush found due.
      while (queue.length > 0) queue.shift()!();
      held.push(history.recorder.held());
      expect(statSync(join(folder, 'events.jsonl')).size).toBeLessThanOrEqual(CAP);
    }
    // Each server's last status, and at most one server's deviations: never the events.
    expect(Math.max(...held)).toBeLessThanOrEqual(SERVERS + 1);
    expect(held.at(-1)).toBe(held[61]);
    const kept = history.events();
    expect(kept.length).toBeGreaterThan(10_000);
    expect(kept.at(-1)!.at).toBe(time);
    history.stop();
  });
});

// The preview's seeded week: believable (every server ends in its status now, so the first poll records
// nothing false), with what the popup's views need to show at once: a digest since the popup was last
// closed, reboots from each place, an incident with its alert, an account's outage, both kinds of gaps.
import { describe, expect, it } from 'vitest';
import { previewHistory } from '../../dev/preview-history';
import { digestOf, serverHistory } from '../../main/history/queries';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const servers = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, status: id === 7 ? 'stopped' : 'active' }));
const events = previewHistory([{ accountId: 'default', servers }], NOW);
const names = { server: () => 'web', account: () => 'VPS.org' };

describe('the preview’s history', () => {
  it('ends each server in its status now, and keeps every event in the last 8 days', () => {
    for (const server of servers) {
      const last = events.filter((event) => event.kind === 'status' && event.serverId === server.id).at(-1);
      expect(last).toMatchObject({ to: server.status });
    }
    expect(events.every((event) => event.at >= NOW - 8 * 24 * HOUR && event.at <= NOW)).toBe(true);
    expect(events).toEqual(events.toSorted((a, b) => a.at - b.at));
  });

  it('has reboots from each place, an incident turned hard, an outage and both kinds of gaps', () => {
    const sources = new Set(events.flatMap((event) => (event.kind === 'action' ? [event.source] : [])));
    expect(sources).toEqual(new Set(['popup', 'tray', 'notification', 'keyboard']));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'alert', state: 'hard' }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'account', change: 'failed' }));
    const reasons = new Set(events.flatMap((event) => (event.kind === 'gap' ? [event.reason] : [])));
    expect(reasons).toEqual(new Set(['closed', 'suspended']));
  });

  it('gives the digest something since the popup was last closed, and a server a week with down and unknown time', () => {
    expect(digestOf(events, NOW - 6 * HOUR, NOW, names)?.entries.length).toBeGreaterThan(2);
    const week = serverHistory(
      events,
      { accountId: 'default', id: 1 },
      { now: NOW, names, unwatchedNow: [], off: false },
    );
    expect(week.uptime.week.downMs).toBeGreaterThan(0);
    expect(week.uptime.week.unknownMs).toBeGreaterThan(0);
    expect(week.uptime.week.upMs).toBeGreaterThan(week.uptime.week.downMs);
  });
});

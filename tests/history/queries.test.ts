// The contract's answers from the kept events: a server's timeline (statuses as spans, actions with
// their outcome, alerts with their end), its strips and uptime with every unwatched span unknown, the
// digest since the popup was last closed, and the fleet's line for the tooltip. Names come from now.
import { describe, expect, it } from 'vitest';
import { GAP_REASONS } from '../../common/history';
import type { HistoryEvent } from '../../main/history/events';
import type { Names } from '../../main/history/entries';
import { digestOf, fleetUptime, serverHistory } from '../../main/history/queries';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-12-07T12:00:00Z');
const names: Names = {
  server: (ref) => (ref.id === 7 ? 'web, "main"' : null),
  account: (id) => (id === 'a1' ? 'Work' : null),
};
const ref = { accountId: 'a1', id: 7 };
const context = { now: NOW, names, unwatchedNow: [], off: false };
const status = (at: number, from: string | null, to: string, serverId = 7): HistoryEvent => ({
  at,
  accountId: 'a1',
  serverId,
  kind: 'status',
  from,
  to,
});

describe('serverHistory', () => {
  const events: HistoryEvent[] = [
    status(NOW - 10 * DAY, null, 'active'),
    status(NOW - 3 * HOUR, 'active', 'rebooting'),
    {
      at: NOW - 3 * HOUR,
      accountId: 'a1',
      serverId: 7,
      kind: 'action',
      action: 'reboot',
      outcome: 'sent',
      source: 'keyboard',
    },
    status(NOW - 2 * HOUR, 'rebooting', 'active'),
    {
      at: NOW - 2 * HOUR,
      accountId: 'a1',
      serverId: 7,
      kind: 'action',
      action: 'reboot',
      outcome: 'succeeded',
      source: 'keyboard',
      tookMs: HOUR,
    },
    { at: NOW - 20 * HOUR, accountId: 'a1', kind: 'account', change: 'failed', failure: 'server-error' },
    { at: NOW - 18 * HOUR, accountId: 'a1', kind: 'account', change: 'recovered' },
    { at: NOW - 30 * HOUR, accountId: '*', kind: 'gap', until: NOW - 26 * HOUR, reason: 'closed' },
    status(NOW - HOUR, null, 'stopped', 8),
    { at: NOW - 5 * HOUR, accountId: 'a2', kind: 'account', change: 'failed', failure: 'offline' },
  ];
  const answer = serverHistory(events, ref, context);

  it('lists the last 7 days newest first: statuses as spans, the action with its outcome, the account and app gaps', () => {
    expect(answer.name).toBe('web, "main"');
    expect(answer.entries).toEqual([
      { kind: 'status', ref, name: 'web, "main"', at: NOW - 2 * HOUR, from: 'rebooting', to: 'active', until: null },
      {
        kind: 'action',
        ref,
        name: 'web, "main"',
        at: NOW - 3 * HOUR,
        action: 'reboot',
        source: 'keyboard',
        outcome: 'succeeded',
        tookMs: HOUR,
      },
      {
        kind: 'status',
        ref,
        name: 'web, "main"',
        at: NOW - 3 * HOUR,
        from: 'active',
        to: 'rebooting',
        until: NOW - 2 * HOUR,
      },
      {
        kind: 'account',
        at: NOW - 20 * HOUR,
        accountId: 'a1',
        label: 'Work',
        failure: 'server-error',
        until: NOW - 18 * HOUR,
      },
      { kind: 'gap', at: NOW - 30 * HOUR, until: NOW - 26 * HOUR, reason: 'not-running' },
    ]);
  });

  it('counts the account failing and the app not running as unknown, and everything else as seen', () => {
    expect(answer.uptime.day).toEqual({ upMs: 21 * HOUR, downMs: HOUR, unknownMs: 2 * HOUR });
    expect(answer.uptime.week).toEqual({ upMs: 7 * DAY - 7 * HOUR, downMs: HOUR, unknownMs: 6 * HOUR });
    // The first sighting was 10 days ago: the month's first 20 days are unknown.
    expect(answer.uptime.month.unknownMs).toBe(20 * DAY + 6 * HOUR);
    expect(answer.strip.day[0]).toEqual({ from: NOW - DAY, until: NOW - 20 * HOUR, state: 'up' });
    expect(answer.strip.day.at(-1)).toEqual({ from: NOW - 2 * HOUR, until: NOW, state: 'up' });
    expect(answer.off).toBe(false);
  });

  it('this run before its first poll is unknown too', () => {
    const early = serverHistory(events, ref, { ...context, unwatchedNow: [{ from: NOW - HOUR, until: NOW }] });
    expect(early.uptime.day.unknownMs).toBe(3 * HOUR);
  });

  it('a server no longer in the list is answered with no name', () => {
    expect(serverHistory(events, { accountId: 'a1', id: 8 }, context).name).toBeNull();
  });
});

describe('digestOf', () => {
  it('is what happened since, newest first, without first sightings; null when nothing did', () => {
    const events = [status(100, null, 'active'), status(200, 'active', 'stopped'), status(300, 'stopped', 'active')];
    const digest = digestOf(events, 150, 250, names);
    expect(digest).toEqual({ since: 150, entries: [expect.objectContaining({ at: 200, to: 'stopped', until: 300 })] });
    expect(digestOf(events, 50, 150, names)).toBeNull();
    expect(digestOf(events, 400, 500, names)).toBeNull();
  });
});

describe('fleetUptime', () => {
  it('sums the servers of the list over 7 days and counts the downs no action explains', () => {
    const events: HistoryEvent[] = [
      status(NOW - 8 * DAY, null, 'active'),
      status(NOW - 8 * DAY, null, 'active', 8),
      status(NOW - 2 * DAY, 'active', 'stopped'),
      status(NOW - 2 * DAY + HOUR, 'stopped', 'active'),
      {
        at: NOW - DAY - 60_000,
        accountId: 'a1',
        serverId: 8,
        kind: 'action',
        action: 'stop',
        outcome: 'sent',
        source: 'tray',
      },
      status(NOW - DAY, 'active', 'stopped', 8),
      status(NOW - DAY + HOUR, 'stopped', 'active', 8),
    ];
    const fleet = fleetUptime(events, [ref, { accountId: 'a1', id: 8 }], context);
    expect(fleet.uptime).toEqual({ upMs: 14 * DAY - 2 * HOUR, downMs: 2 * HOUR, unknownMs: 0 });
    expect(fleet.incidents).toBe(1);
    expect(fleet.permille).toBe(994);
  });
});

describe('gaps', () => {
  it('are answered with the contract’s reasons, app-wide ones without an account', () => {
    const events: HistoryEvent[] = [
      { at: 1, accountId: '*', kind: 'gap', until: 2, reason: 'closed' },
      { at: 3, accountId: '*', kind: 'gap', until: 4, reason: 'suspended' },
      { at: 5, accountId: 'a1', kind: 'gap', until: 6, reason: 'offline' },
    ];
    const gaps = serverHistory(events, ref, { ...context, now: 10 }).entries;
    expect(gaps.map((entry) => (entry.kind === 'gap' ? entry.reason : null)).toReversed()).toEqual([...GAP_REASONS]);
    expect(gaps.find((entry) => entry.kind === 'gap' && entry.reason === 'account-failing')).toMatchObject({
      accountId: 'a1',
    });
    expect(gaps.find((entry) => entry.kind === 'gap' && entry.reason === 'asleep')).not.toHaveProperty('accountId');
  });
});

// The one reader of a stored history record: every kind it knows comes back as it was, anything else
// (an unknown kind, a missing or wrong field) is null, and fields it does not know never come back.
import { describe, expect, it } from 'vitest';
import { readHistoryEvent, type HistoryEvent } from '../../main/history/events';

const EVERY_KIND: HistoryEvent[] = [
  { at: 1, accountId: 'a1', serverId: 7, kind: 'status', from: null, to: 'active' },
  { at: 2, accountId: 'a1', serverId: 7, kind: 'status', from: 'active', to: 'some-new-status' },
  { at: 3, accountId: 'a1', serverId: 7, kind: 'action', action: 'reboot', outcome: 'succeeded' },
  { at: 4, accountId: 'a1', serverId: 7, kind: 'alert', alert: 'cpu', state: 'raised' },
  { at: 5, accountId: 'a1', kind: 'alert', alert: 'gone', state: 'ended' },
  { at: 6, accountId: 'a1', kind: 'account', change: 'token-refused' },
  { at: 7, accountId: 'a1', kind: 'gap', until: 9, reason: 'suspended' },
  // This version's fields: where an action started and how long it took, an alert's later states and
  // its pause, why an account failed.
  { at: 8, accountId: 'a1', serverId: 7, kind: 'action', action: 'stop', outcome: 'sent', source: 'keyboard' },
  { at: 9, accountId: 'a1', serverId: 7, kind: 'action', action: 'stop', outcome: 'failed', source: 'tray', tookMs: 0 },
  { at: 10, accountId: 'a1', serverId: 7, kind: 'alert', alert: 'stopped', state: 'raised', paused: true },
  { at: 11, accountId: 'a1', serverId: 7, kind: 'alert', alert: 'stopped', state: 'hard' },
  { at: 12, accountId: 'a1', serverId: 7, kind: 'alert', alert: 'stopped', state: 'acknowledged' },
  { at: 13, accountId: 'a1', kind: 'account', change: 'failed', failure: 'rate-limited' },
  { at: 14, accountId: 'a1', kind: 'account', change: 'recovered' },
  { at: 15, accountId: '*', kind: 'gap', until: 16, reason: 'closed' },
];

describe('readHistoryEvent', () => {
  it('reads back every kind as it was written', () => {
    for (const event of EVERY_KIND) expect(readHistoryEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it.each([
    ['not an object', 'status'],
    ['an array', []],
    ['null', null],
    ['an unknown kind', { at: 1, accountId: 'a1', kind: 'billing', amount: 3 }],
    ['a kind that is a prototype key', { at: 1, accountId: 'a1', kind: 'toString' }],
    ['no time', { accountId: 'a1', kind: 'account', change: 'added' }],
    ['a negative time', { at: -1, accountId: 'a1', kind: 'account', change: 'added' }],
    ['a time as text', { at: '2026-01-01', accountId: 'a1', kind: 'account', change: 'added' }],
    ['an empty account', { at: 1, accountId: '', kind: 'account', change: 'added' }],
    ['a server id as text', { at: 1, accountId: 'a1', serverId: '7', kind: 'alert', alert: 'cpu', state: 'raised' }],
    ['a status without a server', { at: 1, accountId: 'a1', kind: 'status', from: null, to: 'active' }],
    ['a status without `to`', { at: 1, accountId: 'a1', serverId: 7, kind: 'status', from: null }],
    ['an unknown power action', { at: 1, accountId: 'a1', serverId: 7, kind: 'action', action: 'rm', outcome: 'sent' }],
    ['an unknown alert', { at: 1, accountId: 'a1', kind: 'alert', alert: 'memory', state: 'raised' }],
    ['an unknown account change', { at: 1, accountId: 'a1', kind: 'account', change: 'billing' }],
    ['a gap ending before it starts', { at: 5, accountId: 'a1', kind: 'gap', until: 4, reason: 'closed' }],
  ])('skips %s', (_, record) => {
    expect(readHistoryEvent(record)).toBeNull();
  });

  it('reads an optional field it does not understand (a newer source or failure) as absent, keeping the event', () => {
    expect(
      readHistoryEvent({
        at: 1,
        accountId: 'a1',
        serverId: 7,
        kind: 'action',
        action: 'reboot',
        outcome: 'sent',
        source: 'voice',
      }),
    ).toEqual({ at: 1, accountId: 'a1', serverId: 7, kind: 'action', action: 'reboot', outcome: 'sent' });
    expect(
      readHistoryEvent({ at: 1, accountId: 'a1', kind: 'account', change: 'failed', failure: 'dns', tookMs: -1 }),
    ).toEqual({ at: 1, accountId: 'a1', kind: 'account', change: 'failed' });
  });

  it('keeps only the fields it knows, so a name or an address never comes back', () => {
    const record = { ...EVERY_KIND[0], name: 'web-1', ip: '203.0.113.7' };
    expect(readHistoryEvent(record)).toEqual(EVERY_KIND[0]);
  });
});

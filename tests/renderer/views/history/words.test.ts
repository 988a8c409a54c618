// The history in words (renderer/views/history/words): days counted by the local calendar across a DST
// change, times as the locale writes them, uptime never 100 % of nothing, Czech plurals.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../../../common/history';
import { loadLanguage, loadViewMessages, popupI18n } from '../../../../renderer/i18n';
import { dayLabel, groupByDay, uptimeText, whatText, whenText } from '../../../../renderer/views/history/words';

await loadLanguage('cs');
await loadViewMessages();

const en = popupI18n('en', 'en-GB');
const cs = popupI18n('cs', 'cs-CZ');

/** Local wall-clock time in the zone the test set (months from 1). */
const local = (month: number, day: number, hour: number, minute = 0) =>
  new Date(2026, month - 1, day, hour, minute).getTime();

const ref = { accountId: 'acct', id: 1 };
const stopped = (at: number, until: number | null): HistoryEntry => ({
  kind: 'status',
  ref,
  name: 'web-01',
  at,
  from: 'active',
  to: 'stopped',
  until,
});

beforeAll(() => {
  // Prague moves its clocks forward on 29 March 2026 at 02:00: that Sunday is 23 hours long.
  // Node reads TZ again when it is set.
  vi.stubEnv('TZ', 'Europe/Prague');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('history words', () => {
  it('counts days by the local calendar across the spring DST change, not as 24 hours', () => {
    expect(new Date(local(3, 29, 12)).getTimezoneOffset()).toBe(-120);
    // Half past midnight on Monday: 24 hours earlier is still Saturday evening.
    const now = local(3, 30, 0, 30);
    expect(dayLabel(en, local(3, 30, 0, 10), now)).toBe('Today');
    expect(dayLabel(en, local(3, 29, 0, 30), now)).toBe('Yesterday');
    expect(dayLabel(en, local(3, 29, 23, 50), now)).toBe('Yesterday');
    expect(dayLabel(en, local(3, 28, 23, 45), now)).toBe('Saturday 28 March');
    expect(dayLabel(cs, local(3, 28, 23, 45), now)).toBe('sobota 28. března');

    const groups = groupByDay([
      stopped(local(3, 30, 0, 10), null),
      stopped(local(3, 29, 1, 0), null),
      stopped(local(3, 28, 23, 45), null),
    ]);
    expect(groups.map((group) => group.entries.length)).toEqual([1, 1, 1]);
  });

  it('and across the autumn one (a 25-hour day)', () => {
    const now = local(10, 26, 0, 30);
    expect(dayLabel(en, local(10, 25, 0, 15), now)).toBe('Yesterday');
    expect(dayLabel(en, local(10, 24, 23, 59), now)).toBe('Saturday 24 October');
  });

  it('writes a moment, a span and one still going on as the locale writes times', () => {
    const now = local(12, 7, 12);
    expect(whenText(en, stopped(local(12, 7, 3, 12), local(12, 7, 3, 16)), now, true)).toBe('03:12–03:16');
    expect(whenText(popupI18n('en', 'en-US'), stopped(local(12, 7, 15, 12), local(12, 7, 15, 16)), now, true)).toBe(
      '3:12 PM–3:16 PM',
    );
    expect(whenText(cs, stopped(local(12, 7, 10, 2), null), now, true)).toBe('od 10:02');
    expect(whenText(en, stopped(local(12, 7, 10, 2), local(12, 7, 10, 2) + 20_000), now, true)).toBe('at 10:02');
    // The digest reaches back days: an older one says its date.
    expect(whenText(en, stopped(local(12, 5, 10, 2), null), now, true)).toBe('since 5 Dec, 10:02');
    expect(whenText(en, stopped(local(12, 5, 10, 2), null), now, false)).toBe('since 10:02');
  });

  it('shows uptime as the share of the observed time, with the unknown share, and never 100 % of nothing', () => {
    const hour = 3_600_000;
    expect(uptimeText(en, { upMs: 997 * hour, downMs: 3 * hour, unknownMs: 0 })).toEqual({
      share: '99.7 %',
      unknown: null,
    });
    expect(uptimeText(cs, { upMs: 997 * hour, downMs: 3 * hour, unknownMs: 100 * hour }).share).toBe('99,7 %');
    expect(uptimeText(en, { upMs: 9 * hour, downMs: 0, unknownMs: 1 * hour })).toEqual({
      share: '100 %',
      unknown: '10 % unknown',
    });
    // Watched a few seconds of a day: the unknown share is not rounded to 100 %.
    expect(uptimeText(en, { upMs: 9_000, downMs: 1_000, unknownMs: 24 * hour }).unknown).toBe('> 99 % unknown');
    // Down for a moment in a month: rounded down, never up to 100 %.
    expect(uptimeText(en, { upMs: 720 * hour, downMs: 60_000, unknownMs: 0 }).share).toBe('99.9 %');
    expect(uptimeText(en, { upMs: 0, downMs: 0, unknownMs: 24 * hour })).toEqual({
      share: '— (unknown)',
      unknown: null,
    });
  });

  it('words what happened in Czech naturally, with its plurals', () => {
    expect(whatText(cs, stopped(0, 1))).toBe('zastaven');
    expect(
      whatText(cs, {
        kind: 'action',
        ref,
        name: 'db-01',
        at: 0,
        action: 'reboot',
        source: 'tray',
        outcome: 'succeeded',
        tookMs: 1,
      }),
    ).toBe('restartovali jste');
    expect(
      whatText(cs, { kind: 'account', at: 0, accountId: 'w', label: 'Práce', failure: 'offline', until: 600_000 }),
    ).toBe('bez připojení 10 min');
    expect([1, 3, 5].map((count) => cs.plural('history.more', count))).toEqual([
      'a 1 další',
      'a 3 další',
      'a 5 dalších',
    ]);
    expect([1, 2, 7, 30].map((count) => cs.plural('historySettings.days', count))).toEqual([
      '1 den',
      '2 dny',
      '7 dní',
      '30 dní',
    ]);
  });
});

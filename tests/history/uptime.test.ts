// The uptime maths: a strip of a window from the observed statuses, with the unwatched spans (and the
// time before the first observation) unknown, never up; windows are real time across a DST change.
import { describe, expect, it } from 'vitest';
import { addUptimes, stripOf, upShare, uptimeOf } from '../../main/history/uptime';

const HOUR = 60 * 60 * 1000;
const at = (iso: string) => Date.parse(iso);

describe('stripOf', () => {
  it('holds each status until the next one and merges equal neighbours', () => {
    const strip = stripOf(
      [
        { at: 10, up: true },
        { at: 20, up: true },
        { at: 30, up: false },
        { at: 40, up: true },
      ],
      [],
      0,
      50,
    );
    expect(strip).toEqual([
      { from: 0, until: 10, state: 'unknown' },
      { from: 10, until: 30, state: 'up' },
      { from: 30, until: 40, state: 'down' },
      { from: 40, until: 50, state: 'up' },
    ]);
  });

  it('counts a span the app did not watch as unknown, never as up', () => {
    const strip = stripOf([{ at: 0, up: true }], [{ from: 20, until: 30 }], 0, 50);
    expect(strip).toEqual([
      { from: 0, until: 20, state: 'up' },
      { from: 20, until: 30, state: 'unknown' },
      { from: 30, until: 50, state: 'up' },
    ]);
    expect(uptimeOf(strip)).toEqual({ upMs: 40, downMs: 0, unknownMs: 10 });
  });

  it('cuts gaps that reach outside the window, overlap each other or cover several statuses', () => {
    const strip = stripOf(
      [
        { at: 0, up: true },
        { at: 25, up: false },
      ],
      [
        { from: -100, until: 5 },
        { from: 20, until: 28 },
        { from: 22, until: 30 },
        { from: 45, until: 1000 },
      ],
      0,
      50,
    );
    expect(strip).toEqual([
      { from: 0, until: 5, state: 'unknown' },
      { from: 5, until: 20, state: 'up' },
      { from: 20, until: 30, state: 'unknown' },
      { from: 30, until: 45, state: 'down' },
      { from: 45, until: 50, state: 'unknown' },
    ]);
  });

  it('a window that starts before the first observation is unknown up to it', () => {
    const first = at('2026-03-10T12:00:00Z');
    const until = first + 6 * HOUR;
    const uptime = uptimeOf(stripOf([{ at: first, up: true }], [], until - 24 * HOUR, until));
    expect(uptime).toEqual({ upMs: 6 * HOUR, downMs: 0, unknownMs: 18 * HOUR });
  });

  it('with nothing observed, the whole window is unknown and no share is claimed', () => {
    const uptime = uptimeOf(stripOf([], [], 0, 100));
    expect(uptime).toEqual({ upMs: 0, downMs: 0, unknownMs: 100 });
    expect(upShare(uptime)).toBeNull();
  });

  it('an observation from before the window carries into it', () => {
    const strip = stripOf([{ at: -500, up: false }], [], 0, 100);
    expect(strip).toEqual([{ from: 0, until: 100, state: 'down' }]);
  });

  it('a day over a DST change is 24 hours of real time (Europe/Prague, 29 March 2026: 23 clock hours)', () => {
    // 02:00 local became 03:00 at 01:00 UTC: midnight to midnight local time is 23 hours.
    const midnightBefore = at('2026-03-28T23:00:00Z'); // 00:00 CET, 29 March
    const midnightAfter = at('2026-03-29T22:00:00Z'); // 00:00 CEST, 30 March
    expect(midnightAfter - midnightBefore).toBe(23 * HOUR);
    const strip = stripOf([{ at: midnightBefore - HOUR, up: true }], [], midnightAfter - 24 * HOUR, midnightAfter);
    const uptime = uptimeOf(strip);
    expect(uptime.upMs + uptime.downMs + uptime.unknownMs).toBe(24 * HOUR);
    expect(uptime.upMs).toBe(24 * HOUR);
  });

  it('a down span across the autumn change is measured in real time (26 October 2025: 25 clock hours)', () => {
    const down = at('2025-10-26T00:30:00Z'); // 02:30 CEST
    const up = at('2025-10-26T01:30:00Z'); // 02:30 CET, one real hour later, the same clock time
    const strip = stripOf(
      [
        { at: down - HOUR, up: true },
        { at: down, up: false },
        { at: up, up: true },
      ],
      [],
      down - HOUR,
      up + HOUR,
    );
    expect(uptimeOf(strip)).toEqual({ upMs: 2 * HOUR, downMs: HOUR, unknownMs: 0 });
  });
});

describe('upShare and addUptimes', () => {
  it('the share is of the observed time only, the unknown time beside it', () => {
    const fleet = addUptimes([
      { upMs: 90, downMs: 10, unknownMs: 500 },
      { upMs: 100, downMs: 0, unknownMs: 0 },
    ]);
    expect(fleet).toEqual({ upMs: 190, downMs: 10, unknownMs: 500 });
    expect(upShare(fleet)).toBe(0.95);
  });
});

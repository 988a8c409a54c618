// The uptime maths, pure: a server's observed statuses and the spans nobody watched become the strip of a
// window (up, down, unknown, oldest first) and the time in each state. Time before the first
// observation, and any span the app was not watching (not running, asleep, its account failing), is
// unknown: never up. Windows are spans of real time (a "day" is the last 24 hours, whatever a DST change
// does to the clock), so there are no calendar days here; the popup groups entries by its local day.
import type { StripSpan, Uptime, UptimeState } from '../../common/history';

/** A status observed at `at`, held until the next observation. */
export interface Observation {
  at: number;
  up: boolean;
}

export interface Span {
  from: number;
  until: number;
}

/** Appends a span, merged with the last one when it has the same state and touches it. */
function push(spans: StripSpan[], from: number, until: number, state: UptimeState): void {
  if (until <= from) return;
  const last = spans.at(-1);
  if (last && last.state === state && last.until === from) last.until = until;
  else spans.push({ from, until, state });
}

/** The observed states over [from, until), without the unwatched spans. */
function observed(observations: readonly Observation[], from: number, until: number): StripSpan[] {
  const spans: StripSpan[] = [];
  let state: UptimeState = 'unknown';
  let at = from;
  for (const observation of observations) {
    if (observation.at >= until) break;
    if (observation.at > at) {
      push(spans, at, observation.at, state);
      at = observation.at;
    }
    state = observation.up ? 'up' : 'down';
  }
  push(spans, at, until, state);
  return spans;
}

/**
 * The window [from, until) as a strip, oldest first: each observation holds until the next, and the
 * unwatched spans cut through it as unknown. `observations` and `unwatched` need not be sorted.
 */
export function stripOf(
  observations: readonly Observation[],
  unwatched: readonly Span[],
  from: number,
  until: number,
): StripSpan[] {
  const sorted = observations.toSorted((a, b) => a.at - b.at);
  const gaps = unwatched
    .map((gap) => ({ from: Math.max(gap.from, from), until: Math.min(gap.until, until) }))
    .filter((gap) => gap.until > gap.from)
    .toSorted((a, b) => a.from - b.from);
  const strip: StripSpan[] = [];
  for (const span of observed(sorted, from, until)) {
    let at = span.from;
    for (const gap of gaps) {
      if (gap.until <= at || gap.from >= span.until) continue;
      push(strip, at, gap.from, span.state);
      push(strip, Math.max(at, gap.from), Math.min(gap.until, span.until), 'unknown');
      at = Math.min(gap.until, span.until);
    }
    push(strip, at, span.until, span.state);
  }
  return strip;
}

/** The time a strip spends in each state. */
export function uptimeOf(strip: readonly StripSpan[]): Uptime {
  const uptime: Uptime = { upMs: 0, downMs: 0, unknownMs: 0 };
  for (const span of strip) uptime[`${span.state}Ms`] += span.until - span.from;
  return uptime;
}

/** Sums uptimes (the whole fleet's). */
export function addUptimes(uptimes: readonly Uptime[]): Uptime {
  return uptimes.reduce(
    (sum, uptime) => ({
      upMs: sum.upMs + uptime.upMs,
      downMs: sum.downMs + uptime.downMs,
      unknownMs: sum.unknownMs + uptime.unknownMs,
    }),
    { upMs: 0, downMs: 0, unknownMs: 0 },
  );
}

/** The share of the observed time that was up, 0..1; null when nothing was observed. */
export function upShare(uptime: Uptime): number | null {
  const observedMs = uptime.upMs + uptime.downMs;
  return observedMs === 0 ? null : uptime.upMs / observedMs;
}

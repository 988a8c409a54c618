// The history in words: what an entry says, when it happened (in the user's locale: 24 h or 12 h as
// Intl has it), the day it falls on, uptime as a share. The digest and the timeline word entries alike;
// the digest adds whose they are. Pure: no DOM, no signals.
import { statusLabel } from '../../../common/i18n/sentences';
import type { HistoryEntry, StripSpan, Uptime, UptimeState } from '../../../common/history';
import type { I18n } from '../../i18n';

/** The Intl formats the history needs, per locale, built when first used (constructing one is slow). */
interface Clocks {
  time: Intl.DateTimeFormat;
  dayTime: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
}

const clocksByLocale = new Map<string, Clocks>();

function clocks(locale: string): Clocks {
  let found = clocksByLocale.get(locale);
  if (!found) {
    // A 24-hour clock reads "03:12" (and its ranges are written so); a 12-hour one "3:12 AM".
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    const hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
    found = {
      time: new Intl.DateTimeFormat(locale, { hour, minute: '2-digit' }),
      dayTime: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour, minute: '2-digit' }),
      day: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }),
    };
    clocksByLocale.set(locale, found);
  }
  return found;
}

/** The local calendar day of `ms` ("2026-3-29"): days are counted by the calendar, never as 24 h. */
function dayKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** The local day before the one of `ms` (a DST day is 23 or 25 hours long: the calendar decides). */
function dayBefore(ms: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - 1, 12).getTime();
}

/** "Today", "Yesterday", or the date ("Sunday 29 March"). */
export function dayLabel(i18n: I18n, ms: number, now: number): string {
  const key = dayKey(ms);
  if (key === dayKey(now)) return i18n.t('history.today');
  if (key === dayKey(dayBefore(now))) return i18n.t('history.yesterday');
  return clocks(i18n.locale).day.format(ms);
}

/** Entries (newest first) grouped by their local day, in the same order. */
export function groupByDay<E extends { at: number }>(
  entries: readonly E[],
): Array<{ key: string; at: number; entries: E[] }> {
  const groups: Array<{ key: string; at: number; entries: E[] }> = [];
  for (const entry of entries) {
    const key = dayKey(entry.at);
    const last = groups.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else groups.push({ key, at: entry.at, entries: [entry] });
  }
  return groups;
}

/**
 * When an entry happened: a moment ("09:40"), a span that ended ("03:12–03:16") or one still going on
 * ("since 10:02"). `withDay` adds the date when it was not today (the digest may reach back days; the
 * timeline's day headings say it already).
 */
export function whenText(i18n: I18n, entry: HistoryEntry, now: number, withDay: boolean): string {
  const formats = clocks(i18n.locale);
  const format = withDay && dayKey(entry.at) !== dayKey(now) ? formats.dayTime : formats.time;
  const until = 'until' in entry ? entry.until : undefined;
  if (until === null) return i18n.t('history.since', { time: format.format(entry.at) });
  if (until === undefined || until <= entry.at) return i18n.t('history.at', { time: format.format(entry.at) });
  // Joined by hand, not Intl's formatRange: its ranges may write hours unlike its single times ("3:12–3:16" by "03:12").
  const end = dayKey(until) === dayKey(entry.at) ? formats.time : formats.dayTime;
  const [from, to] = [format.format(entry.at), end.format(until)];
  // Within the same minute, a range would say one time twice.
  return from === to ? i18n.t('history.at', { time: from }) : `${from}–${to}`;
}

/** A duration: "42 s", "10 min", "3 h 5 min", "2 d 4 h" (the units read the same in both languages). */
export function durationText(ms: number): string {
  if (ms < 59_500) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** What an entry says, without whose it is or when: "stopped", "rebooted by you", "offline". */
export function whatText(i18n: I18n, entry: HistoryEntry): string {
  switch (entry.kind) {
    case 'status':
      return entry.to === 'active' && entry.from !== null && entry.from !== 'active'
        ? i18n.t('history.runningAgain')
        : statusLabel(i18n, entry.to);
    case 'action':
      return entry.outcome === 'failed' ? i18n.t(`actionFailed.${entry.action}`) : i18n.t(`byYou.${entry.action}`);
    case 'alert':
      return entry.paused
        ? `${i18n.t(`deviation.${entry.alert}`)} ${i18n.t('history.paused')}`
        : i18n.t(`deviation.${entry.alert}`);
    case 'account':
      return entry.until === null
        ? i18n.t(`failure.${entry.failure}`)
        : `${i18n.t(`failure.${entry.failure}`)} ${durationText(entry.until - entry.at)}`;
    case 'gap':
      return i18n.t(`gap.${entry.reason}`);
  }
}

/** The server an entry is about, if any: its name now, or `#id` when it is no longer in the list. */
function serverName(i18n: I18n, entry: HistoryEntry): string | null {
  if (entry.kind !== 'status' && entry.kind !== 'action' && entry.kind !== 'alert') return null;
  return entry.name ?? i18n.t('history.goneServer', { id: entry.ref.id });
}

/** Who an entry is about in the digest: a server's name, "account Work", or nobody (the whole app). */
export function whoText(i18n: I18n, entry: HistoryEntry): string | null {
  if (entry.kind === 'account') return i18n.t('history.account', { label: entry.label ?? entry.accountId });
  return serverName(i18n, entry);
}

/** An account's ended failure says how long it lasted in `whatText`, so its `when` is only when it began. */
export function entryWhen(i18n: I18n, entry: HistoryEntry, now: number, withDay: boolean): string {
  if (entry.kind === 'account' && entry.until !== null)
    return whenText(i18n, { ...entry, until: entry.at }, now, withDay);
  return whenText(i18n, entry, now, withDay);
}

/** Uptime as the share of the observed time up ("99.7 %"); null when nothing was observed (never 100 % of nothing). */
function uptimeShare(uptime: Uptime): number | null {
  const observed = uptime.upMs + uptime.downMs;
  if (observed <= 0) return null;
  // Rounded down: a server that was down at all never shows 100 %.
  return Math.floor((uptime.upMs / observed) * 1000) / 10;
}

/** The uptime's words: "99.7 %" or "— (unknown)", and the unknown share when there is one (never a rounded 0 or 100 %). */
export function uptimeText(i18n: I18n, uptime: Uptime): { share: string; unknown: string | null } {
  const share = uptimeShare(uptime);
  const total = uptime.upMs + uptime.downMs + uptime.unknownMs;
  const unknownPercent = total > 0 ? (uptime.unknownMs / total) * 100 : 0;
  const unknown =
    share === null || uptime.unknownMs <= 0
      ? null
      : unknownPercent < 1
        ? i18n.t('history.unknownSmall')
        : unknownPercent > 99
          ? i18n.t('history.unknownLarge')
          : i18n.t('history.unknownShare', { value: i18n.number(Math.round(unknownPercent)) });
  return {
    share: share === null ? i18n.t('history.noData') : i18n.t('history.percent', { value: i18n.number(share, 1) }),
    unknown,
  };
}

/** How long a strip spent in each state. */
export function stripTotals(spans: readonly StripSpan[]): Record<UptimeState, number> {
  const totals: Record<UptimeState, number> = { up: 0, down: 0, unknown: 0 };
  for (const span of spans) totals[span.state] += Math.max(0, span.until - span.from);
  return totals;
}

/** Whose an entry is, as a key: a server's, an account's, or the app's (a gap of the whole app). */
function whoKey(entry: HistoryEntry): string {
  if (entry.kind === 'account') return `account:${entry.accountId}`;
  if (entry.kind === 'gap') return entry.accountId === undefined ? 'app' : `account:${entry.accountId}`;
  return `server:${entry.ref.accountId}:${entry.ref.id}`;
}

/** A gap shorter than this is not worth a line of the digest (a restart); the timeline and uptime keep it. */
const DIGEST_GAP_MIN_MS = 10 * 60_000;

/** The alerts a status says already: "stopped 03:12–03:16" needs no "should be running but is stopped". */
const STATUS_ALERTS: ReadonlySet<string> = new Set(['stopped', 'suspended']);

/** Whether the digest leaves an entry out because another in its group says it, or it is too small. */
function saidOtherwise(entry: HistoryEntry, group: readonly HistoryEntry[]): boolean {
  if (entry.kind === 'gap') return entry.until - entry.at < DIGEST_GAP_MIN_MS;
  if (entry.kind === 'alert')
    return STATUS_ALERTS.has(entry.alert) && group.some((other) => other.kind === 'status' && other.to === entry.alert);
  return (
    entry.kind === 'status' &&
    entry.to === 'active' &&
    group.some((other) => other.kind === 'status' && other.to !== 'active' && other.until === entry.at)
  );
}

/**
 * The digest's entries by whom they concern, in the order each first appears (newest first), so a
 * server is named once however much happened to it. Left out: what another entry of the group says
 * already ("running again" where its outage, ended, says it: "stopped 03:12–03:16"; the alert of a
 * server stopped when the stop is told), and the app's short gaps (a restart).
 */
export function groupByWho(entries: readonly HistoryEntry[]): HistoryEntry[][] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const key = whoKey(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const told = [...groups.values()].map((group) => group.filter((entry) => !saidOtherwise(entry, group)));
  return told.filter((group) => group.length > 0);
}

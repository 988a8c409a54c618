// The contract's answers, computed from the kept events (oldest first) at the time they are asked for:
// one server's history (its last 7 days, strips and uptime), the digest's entries, the whole fleet's
// uptime for the tray's tooltip. Pure: the events, the names and the time come in.
import type { ExportRequest } from '../../common/contract';
import type { HistoryDigest, ServerHistory, Uptime } from '../../common/history';
import type { ServerRef } from '../../common/servers';
import { APP_WIDE, type HistoryEvent } from './events';
import { entriesOf, unwatchedSpans, type Names } from './entries';
import { exportFile, safeFileName, type ExportFile } from './export';
import { addUptimes, stripOf, upShare, uptimeOf, type Observation, type Span } from './uptime';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** An action sent this long before a server went down explains it: not an incident. */
const ACTION_EXPLAINS_MS = 15 * 60 * 1000;

/** The events about one server, its account and the whole app. */
const aboutServer = (events: readonly HistoryEvent[], ref: ServerRef) =>
  events.filter(
    (event) =>
      event.accountId === APP_WIDE ||
      (event.accountId === ref.accountId && (event.serverId === undefined || event.serverId === ref.id)),
  );

function observationsOf(events: readonly HistoryEvent[], ref: ServerRef): Observation[] {
  return events.flatMap((event) =>
    event.kind === 'status' && event.accountId === ref.accountId && event.serverId === ref.id
      ? [{ at: event.at, up: event.to === 'active' }]
      : [],
  );
}

export interface QueryContext {
  now: number;
  names: Names;
  /** Spans not yet in the file that nobody watched (this run before its first poll). */
  unwatchedNow: readonly Span[];
  off: boolean;
}

export function serverHistory(events: readonly HistoryEvent[], ref: ServerRef, context: QueryContext): ServerHistory {
  const { now } = context;
  const relevant = aboutServer(events, ref);
  const observations = observationsOf(relevant, ref);
  const unwatched = [...unwatchedSpans(relevant, ref.accountId, now), ...context.unwatchedNow];
  const strip = (ms: number) => stripOf(observations, unwatched, now - ms, now);
  const day = strip(DAY_MS);
  const week = strip(7 * DAY_MS);
  return {
    ref,
    name: context.names.server(ref),
    entries: entriesOf(relevant, context.names).filter((entry) => entry.at >= now - 7 * DAY_MS),
    strip: { day, week },
    uptime: { day: uptimeOf(day), week: uptimeOf(week), month: uptimeOf(strip(30 * DAY_MS)) },
    off: context.off,
  };
}

/** At most this many entries in a digest (the newest). */
const DIGEST_MAX = 200;

/**
 * What happened in (since, until], newest first, without "first seen" statuses (nothing changed there);
 * null when nothing did.
 */
export function digestOf(
  events: readonly HistoryEvent[],
  since: number,
  until: number,
  names: Names,
): HistoryDigest | null {
  const entries = entriesOf(events, names).filter(
    (entry) => entry.at > since && entry.at <= until && !(entry.kind === 'status' && entry.from === null),
  );
  return entries.length === 0 ? null : { since, entries: entries.slice(0, DIGEST_MAX) };
}

export interface FleetUptime {
  uptime: Uptime;
  /** The share of the observed time up, in tenths of a percent, rounded down (null: nothing observed). */
  permille: number | null;
  /** Times a server went down that no action of the app explains. */
  incidents: number;
}

/** The fleet's servers' uptime over the last 7 days, summed, and its incidents. */
export function fleetUptime(
  events: readonly HistoryEvent[],
  refs: readonly ServerRef[],
  context: QueryContext,
): FleetUptime {
  const from = context.now - 7 * DAY_MS;
  const uptimes: Uptime[] = [];
  let incidents = 0;
  for (const ref of refs) {
    const relevant = aboutServer(events, ref);
    const unwatched = [...unwatchedSpans(relevant, ref.accountId, context.now), ...context.unwatchedNow];
    uptimes.push(uptimeOf(stripOf(observationsOf(relevant, ref), unwatched, from, context.now)));
    const sent = relevant.flatMap((event) => (event.kind === 'action' && event.outcome === 'sent' ? [event.at] : []));
    for (const event of relevant)
      if (
        event.kind === 'status' &&
        event.at >= from &&
        event.from === 'active' &&
        event.to !== 'active' &&
        !sent.some((at) => at <= event.at && event.at - at <= ACTION_EXPLAINS_MS)
      )
        incidents += 1;
  }
  const uptime = addUptimes(uptimes);
  const share = upShare(uptime);
  // Rounded down: 99.96 % is not "100 %".
  return { uptime, permille: share === null ? null : Math.floor(share * 1000), incidents };
}

/** A server's (with `serverId`) or a whole account's kept history as a file. */
export function exportOf(events: readonly HistoryEvent[], request: ExportRequest, names: Names): ExportFile {
  const { accountId, serverId, format } = request;
  const wanted = events.filter(
    (event) =>
      event.accountId === APP_WIDE ||
      (event.accountId === accountId &&
        (serverId === undefined || event.serverId === undefined || event.serverId === serverId)),
  );
  const name =
    serverId === undefined
      ? (names.account(accountId) ?? 'account')
      : (names.server({ accountId, id: serverId }) ?? `server-${serverId}`);
  return exportFile(entriesOf(wanted, names), format, `vps-history-${safeFileName(name)}`, names.account);
}

// The tray's view of the fleet: pure data (icon state, tooltip headline, menu entries) that menu.ts,
// tooltip.ts and icons.ts turn into what the user sees. Computed from the fleet and the auth state; `createTraySummaryTracker` emits only changes.
// It carries only what the menu shows: the counts, and the first TRAY_SERVER_LIMIT servers in the
// trouble-first order (picked in one pass over the fleet, never a sort of all of it).
import { isDeepStrictEqual } from 'node:util';
import { compareByName, compareTroubleFirst, troubleRank } from '../../common/order';
import { allowedPowerActions, isTransitional, type ServerStatus } from '../../common/statuses';
import type { AuthState, FleetStatus, ServerView } from '../../common/contract';
import type { PowerAction } from '../../common/statuses';
import { refKey, type ServerRef } from '../../common/servers';
import { callsForAttention, type AlertsSnapshot, type DeviationKind } from '../../common/alerts';
import type { AlertPause, Expectation } from '../../common/settings';

/** Servers by what the tooltip says about them. */
interface TrayCounts {
  running: number;
  stopped: number;
  busy: number;
  suspended: number;
  other: number;
}

/**
 * What the tooltip says, as data: tooltip.ts words it in the user's language (e.g. "VPS.org — 3
 * running, 1 stopped" / "VPS.org — offline (last update 12:03)"), so a language change needs no new summary.
 */
type TrayHeadline =
  | { kind: 'no-token' }
  | { kind: 'loading' }
  | { kind: 'stale'; reason: 'offline' | 'error'; lastSuccessAt: number | null }
  | { kind: 'counts'; counts: TrayCounts; failingAccounts?: number };

/** One of several accounts, for the menu's groups: `trouble` says why its servers are not up to date. */
export interface TrayAccount {
  id: string;
  label: string;
  /** offline / error: its last poll failed; rejected: its token was refused (or cannot be read); null: fine. */
  trouble: 'offline' | 'error' | 'rejected' | null;
}

/** A server's alert state as the tray menu shows it. */
interface TrayServerAlert {
  expectation: Expectation;
  /** The hard deviation to show (the first one), null when none. */
  deviation: DeviationKind | null;
  /** Hard, not acknowledged, not paused: it turns the icon to attention. */
  attention: boolean;
  /** Has a hard deviation not yet acknowledged (Acknowledge is offered). */
  canAcknowledge: boolean;
  pause: AlertPause | null;
}

export interface TraySummary {
  /** attention: a server deviates from what the user expects (and nobody acknowledged or paused it). */
  icon: 'ok' | 'attention' | 'busy' | 'error' | 'no-token' | 'demo';
  headline: TrayHeadline;
  auth: AuthState['mode'];
  /** The servers the menu shows: at most TRAY_SERVER_LIMIT, trouble first (see `trayOrderOf`). */
  servers: TrayServer[];
  /** How many servers there are in all (the menu offers the rest in the popup). */
  serverCount: number;
  stale: boolean;
  /** Present with more than one account: the menu groups the servers by these, in this order. */
  accounts?: TrayAccount[];
  /** Servers calling for attention, and the whole tray's pause; absent: none. */
  alerts?: { attention: number; pauseAll: AlertPause | null };
  /**
   * The fleet's last 7 days (the setting `uptimeInTooltip`): the share up in tenths of a percent (null:
   * nothing observed yet) and the incidents; absent when the setting is off.
   */
  uptime?: TrayUptime;
}

export interface TrayUptime {
  permille: number | null;
  incidents: number;
}

export type TrayIconState = TraySummary['icon'];

/** A server as the menu shows it. */
export interface TrayServer {
  ref: ServerRef;
  name: string;
  status: ServerStatus;
  ip: string | null;
  pending: boolean;
  /** Power actions valid now. */
  actions: PowerAction[];
  /** Absent: no alerts known for it (shown as may-stop, calm). */
  alert?: TrayServerAlert;
}

/**
 * Most per-server submenus in the menu: a native menu of thousands of entries is slow to build on every
 * change and useless to scroll; the rest is one click away in the popup.
 */
export const TRAY_SERVER_LIMIT = 25;

/**
 * A tray server in the app's trouble-first order (common/order): a hard deviation calling for attention
 * first, then one acknowledged or paused, or an action in progress.
 */
export const trayOrderOf = (server: TrayServer) => ({
  status: server.status,
  pending: server.pending,
  deviation: server.alert?.attention
    ? ('confirmed' as const)
    : server.alert?.deviation
      ? ('unconfirmed' as const)
      : null,
  name: server.name,
  key: refKey(server.ref),
});

function trayAlert(alerts: AlertsSnapshot, key: string): TrayServerAlert {
  const server = alerts.servers[key];
  const hard = server?.deviations.filter((deviation) => deviation.hardSince !== null) ?? [];
  return {
    expectation: server?.expectation ?? 'may-stop',
    deviation: hard[0]?.kind ?? null,
    attention: alerts.attention.includes(key),
    canAcknowledge: hard.some(callsForAttention),
    pause: server?.pause ?? null,
  };
}

/** Power actions the current state allows (the same rule the action tracker enforces). */
function validActions(status: ServerStatus, pending: boolean): PowerAction[] {
  return pending ? [] : allowedPowerActions(status);
}

function countServer(counts: TrayCounts, view: ServerView): void {
  const status = view.server.status;
  if (view.pending !== null || isTransitional(status)) counts.busy++;
  else if (status === 'active') counts.running++;
  else if (status === 'stopped') counts.stopped++;
  else if (status === 'suspended') counts.suspended++;
  else counts.other++;
}

const staleReason = (stale: FleetStatus['stale']): 'offline' | 'error' =>
  stale?.kind === 'network' || stale?.kind === 'timeout' ? 'offline' : 'error';

/** Several accounts, each with its trouble; undefined with one account (or none, or the demo). */
function trayAccounts(auth: AuthState, statuses: Record<string, FleetStatus>): TrayAccount[] | undefined {
  if (auth.mode !== 'token' || (auth.accounts?.length ?? 0) < 2) return undefined;
  return auth.accounts!.map((account) => {
    const stale = statuses[account.id]?.stale ?? null;
    const trouble = account.notice ? 'rejected' : stale ? staleReason(stale) : null;
    return { id: account.id, label: account.label, trouble };
  });
}

/** A candidate for the menu: what the order looks at, and the view it stands for. */
interface Candidate {
  rank: number;
  name: string;
  key: string;
  view: ServerView;
}

/** The alerts' verdict on one server, as the tray's order reads it (see `trayOrderOf`). */
function deviationOf(alerts: AlertsSnapshot | undefined, attention: ReadonlySet<string>, key: string) {
  if (!alerts) return null;
  if (attention.has(key)) return 'confirmed' as const;
  return alerts.servers[key]?.deviations.some((deviation) => deviation.hardSince !== null)
    ? ('unconfirmed' as const)
    : null;
}

const compareCandidates = (a: Candidate, b: Candidate): number => a.rank - b.rank || compareByName(a, b);

/** Where `candidate` goes in `top` (sorted by rank, then name, then key). */
function placeOf(top: readonly Candidate[], candidate: Candidate): number {
  let low = 0;
  let high = top.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareCandidates(top[middle]!, candidate) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One pass over the fleet: the counts, whether any is busy, and the first `limit` servers trouble first. */
function scanFleet(servers: Iterable<ServerView>, alerts: AlertsSnapshot | undefined, limit: number) {
  const attention = new Set(alerts?.attention ?? []);
  const counts: TrayCounts = { running: 0, stopped: 0, busy: 0, suspended: 0, other: 0 };
  const top: Candidate[] = [];
  let total = 0;
  for (const view of servers) {
    total++;
    countServer(counts, view);
    const pending = view.pending !== null;
    const rank = troubleRank({
      status: view.server.status,
      pending,
      deviation: deviationOf(alerts, attention, view.key),
    });
    const worst = top.length === limit ? top[limit - 1]! : null;
    if (worst && rank > worst.rank) continue;
    const candidate: Candidate = { rank, name: view.server.name, key: view.key, view };
    if (worst && compareCandidates(candidate, worst) >= 0) continue;
    top.splice(placeOf(top, candidate), 0, candidate);
    if (top.length > limit) top.pop();
  }
  return { counts, total, top: top.map((candidate) => candidate.view) };
}

/** `accountStatuses`: each account's own status (a failing account is trouble even while others are fine). */
export function computeTraySummary(
  auth: AuthState,
  servers: Iterable<ServerView>,
  status: FleetStatus,
  accountStatuses: Record<string, FleetStatus> = {},
  /** Absent: the summary says nothing of alerts (no attention icon, no alert menu items). */
  alerts?: AlertsSnapshot,
): TraySummary {
  if (auth.mode === 'none') {
    return {
      icon: 'no-token',
      headline: { kind: 'no-token' },
      auth: auth.mode,
      servers: [],
      serverCount: 0,
      stale: false,
    };
  }
  const fleet = scanFleet(servers, alerts, TRAY_SERVER_LIMIT);
  const entries = fleet.top.map((view): TrayServer => ({
    ref: { accountId: view.accountId, id: view.server.id },
    name: view.server.name,
    status: view.server.status,
    ip: view.server.ip_address,
    pending: view.pending !== null,
    actions: validActions(view.server.status, view.pending !== null),
    ...(alerts ? { alert: trayAlert(alerts, refKey({ accountId: view.accountId, id: view.server.id })) } : {}),
  }));
  // The order the menu shows, the same comparison as the pick above (the app's verdict on the same facts).
  entries.sort((a, b) => compareTroubleFirst(trayOrderOf(a), trayOrderOf(b)));
  const stale = status.stale !== null;
  const alertSummary = alerts ? { alerts: { attention: alerts.attention.length, pauseAll: alerts.pauseAll } } : {};
  let icon: TraySummary['icon'];
  let headline: TrayHeadline;
  if (stale) {
    icon = 'error';
    headline = { kind: 'stale', reason: staleReason(status.stale), lastSuccessAt: status.lastSuccessAt };
  } else if (!status.loaded) {
    // Nothing is known yet: the busy icon, not "all running".
    icon = auth.mode === 'demo' ? 'demo' : 'busy';
    headline = { kind: 'loading' };
  } else {
    const busy = fleet.counts.busy > 0;
    // Only a deviation from what the user expects calls for attention (a server that may stop is calm);
    // it shows in demo mode too, so the demo shows what an alert looks like.
    icon = (alerts?.attention.length ?? 0) > 0 ? 'attention' : auth.mode === 'demo' ? 'demo' : busy ? 'busy' : 'ok';
    headline = { kind: 'counts', counts: fleet.counts };
  }
  const accounts = trayAccounts(auth, accountStatuses);
  const summary: TraySummary = {
    icon,
    headline,
    auth: auth.mode,
    servers: entries,
    serverCount: fleet.total,
    stale,
    ...alertSummary,
  };
  if (accounts) {
    summary.accounts = accounts;
    // One failing account is trouble for the whole tray, while the others' servers are still counted;
    // a deviation the user has to act on keeps its own icon.
    const failing = accounts.filter((account) => account.trouble !== null).length;
    if (failing > 0) {
      if (summary.icon !== 'attention') summary.icon = 'error';
      if (headline.kind === 'counts') headline.failingAccounts = failing;
    }
  }
  return summary;
}

/** Keeps the last summary; `update` returns the new one only when it differs. */
export function createTraySummaryTracker(initial: TraySummary) {
  let current = initial;
  return {
    get: () => current,
    update(next: TraySummary): TraySummary | null {
      // A summary is small (at most TRAY_SERVER_LIMIT servers): compared as it is, never serialized.
      if (isDeepStrictEqual(next, current)) return null;
      current = next;
      return next;
    },
  };
}

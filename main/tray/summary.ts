// The tray's view of the fleet: pure data (icon state, tooltip headline, menu entries) that menu.ts,
// tooltip.ts and icons.ts turn into what the user sees. Computed from the fleet and the auth state; `createTraySummaryTracker` emits only changes.
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
  servers: Array<{
    ref: ServerRef;
    name: string;
    status: ServerStatus;
    ip: string | null;
    pending: boolean;
    /** Power actions valid now. */
    actions: PowerAction[];
    /** Absent: no alerts known for it (shown as may-stop, calm). */
    alert?: TrayServerAlert;
  }>;
  stale: boolean;
  /** Present with more than one account: the menu groups the servers by these, in this order. */
  accounts?: TrayAccount[];
  /** Servers calling for attention, and the whole tray's pause; absent: none. */
  alerts?: { attention: number; pauseAll: AlertPause | null };
}

export type TrayIconState = TraySummary['icon'];

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

function countServers(servers: readonly ServerView[]): TrayCounts {
  const counts: TrayCounts = { running: 0, stopped: 0, busy: 0, suspended: 0, other: 0 };
  for (const view of servers) {
    const status = view.server.status;
    if (view.pending !== null || isTransitional(status)) counts.busy++;
    else if (status === 'active') counts.running++;
    else if (status === 'stopped') counts.stopped++;
    else if (status === 'suspended') counts.suspended++;
    else counts.other++;
  }
  return counts;
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

/** `accountStatuses`: each account's own status (a failing account is trouble even while others are fine). */
export function computeTraySummary(
  auth: AuthState,
  servers: readonly ServerView[],
  status: FleetStatus,
  accountStatuses: Record<string, FleetStatus> = {},
  /** Absent: the summary says nothing of alerts (no attention icon, no alert menu items). */
  alerts?: AlertsSnapshot,
): TraySummary {
  const entries = servers.map((view) => ({
    ref: { accountId: view.accountId, id: view.server.id },
    name: view.server.name,
    status: view.server.status,
    ip: view.server.ip_address,
    pending: view.pending !== null,
    actions: validActions(view.server.status, view.pending !== null),
    ...(alerts ? { alert: trayAlert(alerts, refKey({ accountId: view.accountId, id: view.server.id })) } : {}),
  }));
  const stale = status.stale !== null;
  const alertSummary = alerts ? { alerts: { attention: alerts.attention.length, pauseAll: alerts.pauseAll } } : {};
  if (auth.mode === 'none') {
    return { icon: 'no-token', headline: { kind: 'no-token' }, auth: auth.mode, servers: [], stale: false };
  }
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
    const busy = entries.some((entry) => entry.pending || isTransitional(entry.status));
    // Only a deviation from what the user expects calls for attention (a server that may stop is calm);
    // it shows in demo mode too, so the demo shows what an alert looks like.
    icon = (alerts?.attention.length ?? 0) > 0 ? 'attention' : auth.mode === 'demo' ? 'demo' : busy ? 'busy' : 'ok';
    headline = { kind: 'counts', counts: countServers(servers) };
  }
  const accounts = trayAccounts(auth, accountStatuses);
  const summary: TraySummary = { icon, headline, auth: auth.mode, servers: entries, stale, ...alertSummary };
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
  let serialized = JSON.stringify(initial);
  return {
    get: () => current,
    update(next: TraySummary): TraySummary | null {
      const nextSerialized = JSON.stringify(next);
      if (nextSerialized === serialized) return null;
      current = next;
      serialized = nextSerialized;
      return next;
    },
  };
}

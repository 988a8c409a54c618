// The tray's view of the fleet: pure data (icon state, tooltip, menu entries) that the desktop edge
// renders. Computed from the fleet and the auth state; `createTraySummaryTracker` emits only changes.
import type { PowerAction } from '../api/schemas';
import { allowedPowerActions, isTransitional, type ServerStatus } from '../api/statuses';
import type { AuthState, FleetStatus, ServerRef, ServerView } from '../../preload/contract';

export interface TraySummary {
  icon: 'ok' | 'some-stopped' | 'busy' | 'error' | 'no-token' | 'demo';
  /** e.g. "VPS.org — 3 running, 1 stopped" / "VPS.org — demo: 3 running" / "VPS.org — offline (last update 12:03)" */
  tooltip: string;
  auth: AuthState['mode'];
  servers: Array<{
    ref: ServerRef;
    name: string;
    status: ServerStatus;
    ip: string | null;
    pending: boolean;
    /** Power actions valid now. */
    actions: PowerAction[];
  }>;
  stale: boolean;
}

/** Power actions the current state allows (the same rule the action tracker enforces). */
export function validActions(status: ServerStatus, pending: boolean): PowerAction[] {
  return pending ? [] : allowedPowerActions(status);
}

function clockTime(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function countsText(servers: readonly ServerView[]): string {
  let running = 0;
  let stopped = 0;
  let busy = 0;
  let suspended = 0;
  let other = 0;
  for (const view of servers) {
    const status = view.server.status;
    if (view.pending !== null || isTransitional(status)) busy++;
    else if (status === 'active') running++;
    else if (status === 'stopped') stopped++;
    else if (status === 'suspended') suspended++;
    else other++;
  }
  const parts: string[] = [];
  if (running) parts.push(`${running} running`);
  if (stopped) parts.push(`${stopped} stopped`);
  if (busy) parts.push(`${busy} busy`);
  if (suspended) parts.push(`${suspended} suspended`);
  if (other) parts.push(`${other} other`);
  return parts.length > 0 ? parts.join(', ') : 'no servers';
}

export function computeTraySummary(auth: AuthState, servers: readonly ServerView[], status: FleetStatus): TraySummary {
  const entries = servers.map((view) => ({
    ref: { accountId: view.accountId, id: view.server.id },
    name: view.server.name,
    status: view.server.status,
    ip: view.server.ip_address,
    pending: view.pending !== null,
    actions: validActions(view.server.status, view.pending !== null),
  }));
  const stale = status.stale !== null;
  if (auth.mode === 'none') {
    return { icon: 'no-token', tooltip: 'VPS.org — no token set', auth: auth.mode, servers: [], stale: false };
  }
  const prefix = auth.mode === 'demo' ? 'VPS.org — demo: ' : 'VPS.org — ';
  let icon: TraySummary['icon'];
  let tooltip: string;
  if (stale) {
    icon = 'error';
    const since = status.lastSuccessAt === null ? '' : ` (last update ${clockTime(status.lastSuccessAt)})`;
    const what = status.stale?.kind === 'network' || status.stale?.kind === 'timeout' ? 'offline' : 'error';
    tooltip = `${prefix}${what}${since}`;
  } else if (!status.loaded) {
    icon = auth.mode === 'demo' ? 'demo' : 'ok';
    tooltip = `${prefix}loading…`;
  } else {
    const busy = entries.some((entry) => entry.pending || isTransitional(entry.status));
    const someStopped = entries.some(
      (entry) => entry.status !== 'active' && !entry.pending && !isTransitional(entry.status),
    );
    icon = auth.mode === 'demo' ? 'demo' : busy ? 'busy' : someStopped ? 'some-stopped' : 'ok';
    tooltip = `${prefix}${countsText(servers)}`;
  }
  return { icon, tooltip, auth: auth.mode, servers: entries, stale };
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

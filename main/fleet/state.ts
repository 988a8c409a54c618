// The fleet as the app knows it: servers keyed by `${accountId}:${id}`, each with the action pending on
// it, plus each account's poll status (accounts are polled on their own, so each has its own). Every mutation computes what changed and hands one FleetDelta to `onDelta`,
// so the renderer only ever receives the servers that changed.
import { isTransitional } from '../../common/statuses';
import {
  type FleetDelta,
  type FleetSnapshot,
  type FleetStatus,
  type PendingAction,
  type ServerView,
} from '../../common/contract';

// One definition for main and the popup lives in the contract; re-exported for main's callers.
import type { Server } from '../../common/servers';
import { serverKey } from '../../common/servers';

export interface FleetState {
  snapshot(): FleetSnapshot;
  /** Every account's status summed up (see summarizeStatuses). */
  status(): FleetStatus;
  /** One account's own status (the initial one before its first poll). */
  accountStatus(accountId: string): FleetStatus;
  /** Each account's status by id. */
  accountStatuses(): Record<string, FleetStatus>;
  get(key: string): ServerView | undefined;
  views(): IterableIterator<ServerView>;
  size(): number;
  /** Any server (of `accountId`, when given) in a transitional status or with a pending action. */
  hasBusyServer(accountId?: string): boolean;
  /**
   * Replaces every server of `accountId` by `servers` (a poll result) and merges `status` into that
   * account's status. `pendingOf`
   * (when given) says the pending action of each server; otherwise pending marks are kept.
   */
  applyList(
    accountId: string,
    servers: readonly Server[],
    status?: Partial<FleetStatus>,
    pendingOf?: (key: string) => PendingAction | null,
  ): FleetDelta;
  upsert(accountId: string, server: Server, pending?: PendingAction | null): FleetDelta;
  setPending(key: string, pending: PendingAction | null): FleetDelta;
  remove(key: string): FleetDelta;
  setStatus(accountId: string, status: Partial<FleetStatus>): FleetDelta;
  /** Forgets the servers and the poll status of `accountId` (its session ended), or of every account. */
  clear(accountId?: string): FleetDelta;
}

export interface FleetStateDeps {
  /** Called once per mutation that changed something. */
  onDelta?: (delta: FleetDelta) => void;
}

const INITIAL_STATUS: FleetStatus = { lastSuccessAt: null, stale: null, refreshing: false, loaded: false };

// updated_at changes whenever the API changes a server; the other fields are compared too because a
// status flip or an IP assignment must never be missed even if a server forgets to bump updated_at.
function sameServer(a: Server, b: Server): boolean {
  return (
    a.updated_at === b.updated_at &&
    a.status === b.status &&
    a.name === b.name &&
    a.ip_address === b.ip_address &&
    a.hostname === b.hostname &&
    a.location === b.location &&
    a.plan?.id === b.plan?.id &&
    a.os?.id === b.os?.id
  );
}

function samePending(a: PendingAction | null, b: PendingAction | null): boolean {
  return a === b || (a !== null && b !== null && a.action === b.action && a.startedAt === b.startedAt);
}

function sameStatus(a: FleetStatus, b: FleetStatus): boolean {
  return (
    a.lastSuccessAt === b.lastSuccessAt &&
    a.refreshing === b.refreshing &&
    a.loaded === b.loaded &&
    a.skipped === b.skipped &&
    (a.stale === b.stale ||
      (a.stale !== null &&
        b.stale !== null &&
        a.stale.kind === b.stale.kind &&
        a.stale.message === b.stale.message &&
        a.stale.since === b.stale.since &&
        a.stale.status === b.stale.status &&
        a.stale.retryAfterSeconds === b.stale.retryAfterSeconds))
  );
}

/**
 * The accounts' statuses as one, for the popup's overall refresh indicator and the tray: refreshing while
 * any account is; loaded once every account has loaded or failed and one has loaded; the oldest last
 * success; stale only when every account is (one failing account is shown as such, not the whole list).
 */
export function summarizeStatuses(statuses: readonly FleetStatus[]): FleetStatus {
  const [only] = statuses;
  if (only === undefined) return { ...INITIAL_STATUS };
  if (statuses.length === 1) return { ...only };
  const successes = statuses.flatMap((status) => (status.lastSuccessAt === null ? [] : [status.lastSuccessAt]));
  const stales = statuses.flatMap((status) => (status.stale === null ? [] : [status.stale]));
  const skipped = statuses.reduce((sum, status) => sum + (status.skipped ?? 0), 0);
  const summary: FleetStatus = {
    lastSuccessAt: successes.length > 0 ? Math.min(...successes) : null,
    stale: stales.length === statuses.length ? stales.toSorted((a, b) => a.since - b.since)[0]! : null,
    refreshing: statuses.some((status) => status.refreshing),
    loaded:
      statuses.some((status) => status.loaded) && statuses.every((status) => status.loaded || status.stale !== null),
  };
  if (skipped > 0) summary.skipped = skipped;
  return summary;
}

export function createFleetState(deps: FleetStateDeps = {}): FleetState {
  let entries = new Map<string, ServerView>();
  const statuses = new Map<string, FleetStatus>();

  const overall = () => summarizeStatuses([...statuses.values()]);
  const copyStatuses = (): Record<string, FleetStatus> =>
    Object.fromEntries([...statuses].map(([id, status]) => [id, { ...status }]));

  const emit = (upserted: ServerView[], removed: string[], statusChanged: boolean): FleetDelta => {
    const delta: FleetDelta = { upserted, removed, status: overall(), accounts: copyStatuses() };
    if (upserted.length > 0 || removed.length > 0 || statusChanged) deps.onDelta?.(delta);
    return delta;
  };

  const mergeStatus = (accountId: string, patch: Partial<FleetStatus> | undefined): boolean => {
    if (!patch) return false;
    const current = statuses.get(accountId);
    const next = { ...(current ?? INITIAL_STATUS), ...patch };
    if (current && sameStatus(next, current)) return false;
    statuses.set(accountId, next);
    return true;
  };

  return {
    snapshot: () => ({ servers: [...entries.values()], status: overall(), accounts: copyStatuses() }),
    status: overall,
    accountStatus: (accountId) => ({ ...(statuses.get(accountId) ?? INITIAL_STATUS) }),
    accountStatuses: copyStatuses,
    get: (key) => entries.get(key),
    views: () => entries.values(),
    size: () => entries.size,
    hasBusyServer(accountId) {
      for (const view of entries.values()) {
        if (accountId !== undefined && view.accountId !== accountId) continue;
        if (view.pending !== null || isTransitional(view.server.status)) return true;
      }
      return false;
    },
    applyList(accountId, servers, statusPatch, pendingOf) {
      const upserted: ServerView[] = [];
      const next = new Map<string, ServerView>();
      // Servers of other accounts are kept as they are, in front.
      for (const [key, view] of entries) if (view.accountId !== accountId) next.set(key, view);
      for (const server of servers) {
        const key = serverKey(accountId, server.id);
        const previous = entries.get(key);
        const pending = pendingOf ? pendingOf(key) : (previous?.pending ?? null);
        if (previous && sameServer(previous.server, server) && samePending(previous.pending, pending)) {
          next.set(key, previous);
        } else {
          const view: ServerView = { key, accountId, server, pending };
          next.set(key, view);
          upserted.push(view);
        }
      }
      const removed: string[] = [];
      for (const [key, view] of entries) if (view.accountId === accountId && !next.has(key)) removed.push(key);
      entries = next;
      return emit(upserted, removed, mergeStatus(accountId, statusPatch));
    },
    upsert(accountId, server, pending) {
      const key = serverKey(accountId, server.id);
      const previous = entries.get(key);
      const nextPending = pending === undefined ? (previous?.pending ?? null) : pending;
      if (previous && sameServer(previous.server, server) && samePending(previous.pending, nextPending)) {
        return emit([], [], false);
      }
      const view: ServerView = { key, accountId, server, pending: nextPending };
      entries.set(key, view);
      return emit([view], [], false);
    },
    setPending(key, pending) {
      const previous = entries.get(key);
      if (!previous || samePending(previous.pending, pending)) return emit([], [], false);
      const view: ServerView = { ...previous, pending };
      entries.set(key, view);
      return emit([view], [], false);
    },
    remove(key) {
      if (!entries.delete(key)) return emit([], [], false);
      return emit([], [key], false);
    },
    setStatus(accountId, patch) {
      return emit([], [], mergeStatus(accountId, patch));
    },
    clear(accountId) {
      const removed: string[] = [];
      for (const [key, view] of entries) if (accountId === undefined || view.accountId === accountId) removed.push(key);
      for (const key of removed) entries.delete(key);
      const changed = accountId === undefined ? statuses.size > 0 : statuses.has(accountId);
      if (accountId === undefined) statuses.clear();
      else statuses.delete(accountId);
      return emit([], removed, changed);
    },
  };
}

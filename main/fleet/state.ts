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
   * (when given) says the pending action of each server; otherwise pending marks are kept. A server listed
   * twice is one row (its later reading). `unsettled`: the list changed while it was read (ServerList's
   * `unsettled`), so a server missing from it is kept as it was, not removed; the next settled list decides.
   */
  applyList(
    accountId: string,
    servers: readonly Server[],
    status?: Partial<FleetStatus>,
    pendingOf?: (key: string) => PendingAction | null,
    options?: { unsettled?: boolean },
  ): FleetDelta;
  upsert(accountId: string, server: Server, pending?: PendingAction | null): FleetDelta;
  setPending(key: string, pending: PendingAction | null): FleetDelta;
  remove(key: string): FleetDelta;
  setStatus(accountId: string, status: Partial<FleetStatus>): FleetDelta;
  /** Forgets the servers and the poll status of `accountId` (its session ended), or of every account. */
  clear(accountId?: string): FleetDelta;
}

export interface FleetStateDeps {
  /** Called once per mutation that changed something worth telling (see worthNoDelta). */
  onDelta?: (delta: FleetDelta) => void;
}

const INITIAL_STATUS: FleetStatus = { lastSuccessAt: null, stale: null, refreshing: false, loaded: false };

// updated_at changes whenever the API changes a server; the other fields are compared too because a
// status flip or an IP assignment must never be missed even if a server forgets to bump updated_at.
function sameServer(a: Server, b: Server): boolean {
  // The client hands back the very same objects for a list page that did not change.
  if (a === b) return true;
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

function sameStale(a: FleetStatus['stale'], b: FleetStatus['stale']): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.kind === b.kind &&
      a.message === b.message &&
      a.since === b.since &&
      a.status === b.status &&
      a.retryAfterSeconds === b.retryAfterSeconds)
  );
}

/**
 * Whether `next` tells the popup and the tray nothing new after `told` (the status of the last delta).
 * Every poll sets `refreshing` and `lastSuccessAt`: alone, they are not worth a delta, so a poll that
 * changed nothing sends nothing (the popup knows the list is live while it is not stale, and a stale
 * status carries the last success). They ride along with the next delta; and once a delta said a poll
 * was in flight, the poll's end is told too.
 */
function worthNoDelta(told: FleetStatus, next: FleetStatus): boolean {
  return (
    told.loaded === next.loaded &&
    told.skipped === next.skipped &&
    sameStale(told.stale, next.stale) &&
    (!told.refreshing || next.refreshing)
  );
}

/**
 * The accounts' statuses as one, for the popup's overall refresh indicator and the tray: refreshing while
 * any account is; loaded once every account has loaded or failed and one has loaded; the oldest last
 * success; stale only when every account is (one failing account is shown as such, not the whole list).
 */
function summarizeStatuses(statuses: readonly FleetStatus[]): FleetStatus {
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

  /** Each account's status as the last delta told it. */
  let told = new Map<string, FleetStatus>();

  /** An account came or went, or its status changed in a way worth a delta (see `worthNoDelta`). */
  const statusWorthTelling = (): boolean => {
    if (told.size !== statuses.size) return true;
    for (const [id, status] of statuses) {
      const previous = told.get(id);
      if (!previous || !worthNoDelta(previous, status)) return true;
    }
    return false;
  };

  const emit = (upserted: ServerView[], removed: string[]): FleetDelta => {
    const delta: FleetDelta = { upserted, removed, status: overall(), accounts: copyStatuses() };
    if (upserted.length > 0 || removed.length > 0 || statusWorthTelling()) {
      told = new Map(statuses);
      deps.onDelta?.(delta);
    }
    return delta;
  };

  /** Statuses are replaced, never changed in place: `told` keeps the ones it was given. */
  const mergeStatus = (accountId: string, patch: Partial<FleetStatus> | undefined): void => {
    if (patch) statuses.set(accountId, { ...(statuses.get(accountId) ?? INITIAL_STATUS), ...patch });
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
    applyList(accountId, servers, statusPatch, pendingOf, options = {}) {
      const next = new Map<string, ServerView>();
      // Servers of other accounts are kept as they are, in front.
      for (const [key, view] of entries) if (view.accountId !== accountId) next.set(key, view);
      // One reading per server: a later one of the same id replaces the earlier (keeping its place).
      const listed = new Map<number, Server>();
      for (const server of servers) listed.set(server.id, server);
      const upserted: ServerView[] = [];
      for (const server of listed.values()) {
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
      for (const [key, view] of entries) {
        if (view.accountId !== accountId || next.has(key)) continue;
        // Missing from a list that changed while it was read: that alone does not make it gone.
        if (options.unsettled) next.set(key, view);
        else removed.push(key);
      }
      entries = next;
      mergeStatus(accountId, statusPatch);
      return emit(upserted, removed);
    },
    upsert(accountId, server, pending) {
      const key = serverKey(accountId, server.id);
      const previous = entries.get(key);
      const nextPending = pending === undefined ? (previous?.pending ?? null) : pending;
      if (previous && sameServer(previous.server, server) && samePending(previous.pending, nextPending)) {
        return emit([], []);
      }
      const view: ServerView = { key, accountId, server, pending: nextPending };
      entries.set(key, view);
      return emit([view], []);
    },
    setPending(key, pending) {
      const previous = entries.get(key);
      if (!previous || samePending(previous.pending, pending)) return emit([], []);
      const view: ServerView = { ...previous, pending };
      entries.set(key, view);
      return emit([view], []);
    },
    remove(key) {
      if (!entries.delete(key)) return emit([], []);
      return emit([], [key]);
    },
    setStatus(accountId, patch) {
      mergeStatus(accountId, patch);
      return emit([], []);
    },
    clear(accountId) {
      const removed: string[] = [];
      for (const [key, view] of entries) if (accountId === undefined || view.accountId === accountId) removed.push(key);
      for (const key of removed) entries.delete(key);
      if (accountId === undefined) statuses.clear();
      else statuses.delete(accountId);
      return emit([], removed);
    },
  };
}

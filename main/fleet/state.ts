// The fleet as the app knows it: servers keyed by `${accountId}:${id}`, each with the action pending on
// it, plus the poll status. Every mutation computes what changed and hands one FleetDelta to `onDelta`,
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
  status(): FleetStatus;
  get(key: string): ServerView | undefined;
  views(): IterableIterator<ServerView>;
  size(): number;
  /** Any server in a transitional status or with a pending action. */
  hasBusyServer(): boolean;
  /**
   * Replaces every server of `accountId` by `servers` (a poll result) and merges `status`. `pendingOf`
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
  setStatus(status: Partial<FleetStatus>): FleetDelta;
  /** Forgets every server and the poll status (session ended). */
  clear(): FleetDelta;
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

export function createFleetState(deps: FleetStateDeps = {}): FleetState {
  let entries = new Map<string, ServerView>();
  let status: FleetStatus = { ...INITIAL_STATUS };

  const emit = (upserted: ServerView[], removed: string[], statusChanged: boolean): FleetDelta => {
    const delta: FleetDelta = { upserted, removed, status: { ...status } };
    if (upserted.length > 0 || removed.length > 0 || statusChanged) deps.onDelta?.(delta);
    return delta;
  };

  const mergeStatus = (patch: Partial<FleetStatus> | undefined): boolean => {
    if (!patch) return false;
    const next = { ...status, ...patch };
    if (sameStatus(next, status)) return false;
    status = next;
    return true;
  };

  return {
    snapshot: () => ({ servers: [...entries.values()], status: { ...status } }),
    status: () => ({ ...status }),
    get: (key) => entries.get(key),
    views: () => entries.values(),
    size: () => entries.size,
    hasBusyServer() {
      for (const view of entries.values()) if (view.pending !== null || isTransitional(view.server.status)) return true;
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
      return emit(upserted, removed, mergeStatus(statusPatch));
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
    setStatus(patch) {
      return emit([], [], mergeStatus(patch));
    },
    clear() {
      const removed = [...entries.keys()];
      entries = new Map();
      const changed = mergeStatus({ ...INITIAL_STATUS });
      return emit([], removed, changed);
    },
  };
}

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

export function createFleetState(deps: FleetStateDeps = {}): FleetState {
  let entries = new Map<string, ServerView>();
  let status: FleetStatus = { ...INITIAL_STATUS };
  /** The status of the last delta handed to `onDelta`. */
  let told: FleetStatus = status;

  const emit = (upserted: ServerView[], removed: string[]): FleetDelta => {
    const delta: FleetDelta = { upserted, removed, status: { ...status } };
    if (upserted.length > 0 || removed.length > 0 || !worthNoDelta(told, status)) {
      told = status;
      deps.onDelta?.(delta);
    }
    return delta;
  };

  const mergeStatus = (patch: Partial<FleetStatus> | undefined): void => {
    if (patch) status = { ...status, ...patch };
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
      mergeStatus(statusPatch);
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
    setStatus(patch) {
      mergeStatus(patch);
      return emit([], []);
    },
    clear() {
      const removed = [...entries.keys()];
      entries = new Map();
      mergeStatus({ ...INITIAL_STATUS });
      return emit([], removed);
    },
  };
}

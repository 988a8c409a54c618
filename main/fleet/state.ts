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

/** The view of `server` after a poll: `previous` itself when nothing it shows changed. */
function viewAfter(
  accountId: string,
  server: Server,
  previous: ServerView | undefined,
  pendingOf: ((key: string) => PendingAction | null) | undefined,
): ServerView {
  const key = previous?.key ?? serverKey(accountId, server.id);
  const pending = pendingOf ? pendingOf(key) : (previous?.pending ?? null);
  if (previous && sameServer(previous.server, server) && samePending(previous.pending, pending)) return previous;
  return { key, accountId, server, pending };
}

/** Puts `key` last in `map` (a Map keeps insertion order) with `value`, or drops it when there is none. */
function putLast<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
  map.delete(key);
  if (value !== undefined) map.set(key, value);
}

/**
 * An account's views after its list: one per server in the list's order (a later reading of the same id
 * replaces the earlier one in its place), the ones new or changed, and the ones gone (none when the list
 * is `unsettled`: missing from a list that changed while it was read does not make a server gone).
 */
function diffList(
  accountId: string,
  servers: readonly Server[],
  before: ReadonlyMap<number, ServerView>,
  pendingOf: ((key: string) => PendingAction | null) | undefined,
  unsettled: boolean,
): { next: Map<number, ServerView>; upserted: ServerView[]; gone: ServerView[] } {
  const next = new Map<number, ServerView>();
  const upserted: ServerView[] = [];
  for (const server of servers) {
    const previous = before.get(server.id);
    const view = viewAfter(accountId, server, previous, pendingOf);
    const earlier = next.get(server.id);
    next.set(server.id, view);
    const at = earlier === undefined ? -1 : upserted.indexOf(earlier);
    if (at < 0) {
      if (view !== previous) upserted.push(view);
    } else if (view !== previous) upserted[at] = view;
    else upserted.splice(at, 1);
  }
  const gone: ServerView[] = [];
  for (const [id, view] of before) {
    if (next.has(id)) continue;
    if (unsettled) next.set(id, view);
    else gone.push(view);
  }
  return { next, upserted, gone };
}

export function createFleetState(deps: FleetStateDeps = {}): FleetState {
  /** Every server by key. */
  const entries = new Map<string, ServerView>();
  /**
   * Each account's servers by id, in its list's order; the account whose list came last is last. A poll
   * of an unchanged list keeps every view and touches `entries` for none of them.
   */
  const byAccount = new Map<string, Map<number, ServerView>>();
  const statuses = new Map<string, FleetStatus>();
  /** Counts the changes of the views: any put, drop or list that changed one. */
  let revision = 0;
  /**
   * Each account's list as last applied, and the revision it left: the very same list (the client hands
   * back the same object for an unchanged one) with no view changed since changes nothing again.
   */
  const applied = new Map<string, { servers: readonly Server[]; revision: number; unsettled: boolean }>();

  const overall = () => summarizeStatuses([...statuses.values()]);
  const copyStatuses = (): Record<string, FleetStatus> =>
    Object.fromEntries([...statuses].map(([id, status]) => [id, { ...status }]));

  function* views(): IterableIterator<ServerView> {
    for (const servers of byAccount.values()) yield* servers.values();
  }

  /** Stores a view (new or changed) under its key and its account. */
  const put = (view: ServerView): void => {
    revision++;
    entries.set(view.key, view);
    let servers = byAccount.get(view.accountId);
    if (!servers) byAccount.set(view.accountId, (servers = new Map()));
    servers.set(view.server.id, view);
  };
  const drop = (view: ServerView): void => {
    revision++;
    entries.delete(view.key);
    const servers = byAccount.get(view.accountId);
    servers?.delete(view.server.id);
    if (servers?.size === 0) byAccount.delete(view.accountId);
  };

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
    snapshot: () => ({ servers: [...views()], status: overall(), accounts: copyStatuses() }),
    status: overall,
    accountStatus: (accountId) => ({ ...(statuses.get(accountId) ?? INITIAL_STATUS) }),
    accountStatuses: copyStatuses,
    get: (key) => entries.get(key),
    views,
    size: () => entries.size,
    hasBusyServer(accountId) {
      const groups = accountId === undefined ? byAccount.values() : [byAccount.get(accountId) ?? new Map()];
      for (const servers of groups) {
        for (const view of servers.values())
          if (view.pending !== null || isTransitional(view.server.status)) return true;
      }
      return false;
    },
    applyList(accountId, servers, statusPatch, pendingOf, options = {}) {
      const unsettled = options.unsettled === true;
      const last = applied.get(accountId);
      if (last?.servers === servers && last.revision === revision && last.unsettled === unsettled) {
        // Nothing to compare: every view is what this list made of it. Still the account polled last.
        putLast(byAccount, accountId, byAccount.get(accountId));
        mergeStatus(accountId, statusPatch);
        return emit([], []);
      }
      const before = byAccount.get(accountId) ?? new Map<number, ServerView>();
      const { next, upserted, gone } = diffList(accountId, servers, before, pendingOf, unsettled);
      const removed = gone.map((view) => view.key);
      for (const key of removed) entries.delete(key);
      for (const view of upserted) entries.set(view.key, view);
      // This account's servers now come after the other accounts'.
      putLast(byAccount, accountId, next.size > 0 ? next : undefined);
      if (upserted.length > 0 || removed.length > 0) revision++;
      applied.set(accountId, { servers, revision, unsettled });
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
      put(view);
      return emit([view], []);
    },
    setPending(key, pending) {
      const previous = entries.get(key);
      if (!previous || samePending(previous.pending, pending)) return emit([], []);
      const view: ServerView = { ...previous, pending };
      put(view);
      return emit([view], []);
    },
    remove(key) {
      const previous = entries.get(key);
      if (!previous) return emit([], []);
      drop(previous);
      return emit([], [key]);
    },
    setStatus(accountId, patch) {
      mergeStatus(accountId, patch);
      return emit([], []);
    },
    clear(accountId) {
      const removed: string[] = [];
      for (const view of views()) if (accountId === undefined || view.accountId === accountId) removed.push(view.key);
      for (const key of removed) drop(entries.get(key)!);
      if (accountId === undefined) {
        statuses.clear();
        applied.clear();
      } else {
        statuses.delete(accountId);
        applied.delete(accountId);
      }
      return emit([], removed);
    },
  };
}

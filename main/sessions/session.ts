// One open account (a token account, or the demo): its API client, the action tracker and the poller
// that keeps its part of the fleet fresh. Every request the account's polling makes (the list, then the
// alerts' usage reads; while an action settles, the server's own reads) is one poll of that poller, so
// one backoff, one Retry-After and one suspend hold for all of them. Built whole, then started; ended once.
// A power action's server is read on its own (GET /servers/{id}/) on the tracker's short waits until it
// settles, then the list is read once; the list keeps its own interval meanwhile.
import type { AccountInfo, ActionOutcome, FleetStatus } from '../../common/contract';
import { isVpsApiError } from '../api/errors';
import { isTransitional } from '../../common/statuses';
import type { Server, ServerDetail } from '../../common/servers';
import type { Log } from '../app-log';
import type { PollIntervals } from '../../common/settings';
import { createActionTracker, type ActionTracker } from '../fleet/actions';
import { SETTLE_READ_WAITS_MS } from '../fleet/action-tracking';
import type { VpsClient } from '../api/client';
import { createPoller, MAX_RETRY_AFTER_MS, type Poller, type PollerDeps, type PollReason } from '../fleet/poller';
import type { FleetState } from '../fleet/state';
import { toIpcError } from '../ipc/errors';
import { createUsageReads, type UsageWatch } from './usage-reads';

const LONGEST_READ_WAIT_MS = Math.max(...SETTLE_READ_WAITS_MS);

/** A server's detail as the list describes it: its usage, IPv6 and backups stay out of the fleet. */
function asListed(detail: ServerDetail): Server {
  const server: Server & Partial<ServerDetail> = { ...detail };
  delete server.ipv6_address;
  delete server.backups_enabled;
  delete server.resource_usage;
  return server;
}

export interface SessionDeps {
  fleet: FleetState;
  now: () => number;
  /** Jitter source of the poller's backoff, [0, 1). Default Math.random. */
  random?: () => number;
  /** Read at every scheduling, so a settings change applies at once. */
  pollIntervals: () => PollIntervals;
  popupOpen: () => boolean;
  /** The alerts' usage reads, after each good list at most once per idle interval; absent: none. */
  usage?: UsageWatch;
  onOutcome: (outcome: ActionOutcome) => void;
  redact: (text: string) => string;
  log: Log;
}

export interface SessionSpec {
  kind: 'token' | 'demo';
  account: AccountInfo;
  api: VpsClient;
  /** Releases what the session runs on (the demo's simulator). */
  close?: () => Promise<void>;
}

export interface Session {
  readonly kind: SessionSpec['kind'];
  readonly account: AccountInfo;
  readonly api: VpsClient;
  readonly actions: ActionTracker;
  readonly poller: Poller;
  readonly ended: boolean;
  /** Polls now, then keeps polling. */
  start(): void;
  /** VPS.org answered a poll with 401: polling has stopped. Returns unsubscribe. */
  onRejected(listener: () => void): () => void;
  /** Stops polling, forgets pending actions and the fleet, releases what it runs on. Once; never rejects. */
  end(): Promise<void>;
}

/** The failure of a poll's request, logged and worded for the popup; the poller decides what follows. */
function staleAfter(
  error: unknown,
  what: string,
  deps: Pick<SessionDeps, 'fleet' | 'now' | 'redact' | 'log'> & { accountId: string },
): { stale: NonNullable<FleetStatus['stale']> } {
  // The stale status crosses to the popup: worded as an IpcError would be.
  const mapped = toIpcError(error, deps.redact);
  deps.log('warn', `${what} failed (${mapped.kind}): ${mapped.message}`);
  const stale: NonNullable<FleetStatus['stale']> = {
    kind: mapped.kind,
    message: mapped.message,
    since: deps.fleet.accountStatus(deps.accountId).stale?.since ?? deps.now(),
  };
  if (mapped.status !== undefined) stale.status = mapped.status;
  // The popup says when the next try comes: never later than the poller's own cap on a Retry-After.
  if (mapped.retryAfterSeconds !== undefined)
    stale.retryAfterSeconds = Math.min(mapped.retryAfterSeconds, MAX_RETRY_AFTER_MS / 1000);
  return { stale };
}

/**
 * The settling servers due now, each read on its own; true when an action ended (the list is read next,
 * once). A failed read fails the poll, as a failed list does; a server not found is gone.
 */
async function readSettlingAlone(deps: {
  api: VpsClient;
  actions: ActionTracker;
  now: () => number;
  ended: () => boolean;
  failed: (error: unknown, id: number) => void;
}): Promise<boolean> {
  const { api, actions, now } = deps;
  let settled = false;
  for (const id of actions.readsDue(now())) {
    const startedAt = now();
    let detail: ServerDetail;
    try {
      detail = await api.getServer(id);
    } catch (error) {
      if (deps.ended()) return false;
      if (isVpsApiError(error) && error.kind === 'not-found') {
        actions.readGone(id);
        settled = true;
        continue;
      }
      deps.failed(error, id);
      throw error;
    }
    if (deps.ended()) return false;
    if (actions.applyRead(asListed(detail), startedAt)) settled = true;
  }
  return settled;
}

export function createSession(deps: SessionDeps, spec: SessionSpec): Session {
  const { fleet, now, redact, log } = deps;
  const { kind, account, api } = spec;
  let ended = false;
  const rejectedListeners = new Set<() => void>();

  const actions = createActionTracker({ accountId: account.id, api, fleet, now, onOutcome: deps.onOutcome });

  /** A busy server of this account other than the ones read on their own while they settle. */
  const busyBesidesReadAlone = (): boolean => {
    if (actions.nextReadAt() === null) return actions.hasPending() || fleet.hasBusyServer(account.id);
    for (const view of fleet.views()) {
      if (view.accountId !== account.id || actions.isReadAlone(view.key)) continue;
      if (view.pending !== null || isTransitional(view.server.status)) return true;
    }
    return false;
  };

  /** The wait between lists: fast while a server is busy (unless it is read on its own), else open or idle. */
  const listIntervalMs = (): number => {
    const intervals = deps.pollIntervals();
    if (busyBesidesReadAlone()) return intervals.fastSeconds * 1000;
    return (deps.popupOpen() ? intervals.openSeconds : intervals.idleSeconds) * 1000;
  };

  /** When the last list was read (or failed): the list's interval counts from it, whatever came between. */
  let lastListAt = 0;

  // While servers are read on their own, the backoff after a failure grows from their longest wait.
  const intervalMs = (): number =>
    actions.nextReadAt() === null ? listIntervalMs() : Math.min(listIntervalMs(), LONGEST_READ_WAIT_MS);

  const dueAt = (): number | null => {
    const readAt = actions.nextReadAt();
    return readAt === null ? null : Math.min(readAt, lastListAt + listIntervalMs());
  };

  const usageReads = deps.usage
    ? createUsageReads({
        accountId: account.id,
        api,
        watch: deps.usage,
        everyMs: () => deps.pollIntervals().idleSeconds * 1000,
        now,
        ended: () => ended,
        log,
      })
    : null;

  const failed = (error: unknown, what: string) =>
    staleAfter(error, what, { fleet, accountId: account.id, now, redact, log });
  const readSettling = () =>
    readSettlingAlone({
      api,
      actions,
      now,
      ended: () => ended,
      failed: (error, id) => failed(error, `Reading server ${id}`),
    });

  const readList = async (): Promise<void> => {
    const startedAt = now();
    fleet.setStatus(account.id, { refreshing: true });
    try {
      const list = await api.listServers();
      if (ended) return;
      // A list that changed while its pages were read may miss a server that still exists: kept, not gone.
      const unsettled = list.unsettled === true;
      const servers = actions.reconcile(list.results, startedAt, { unsettled });
      fleet.applyList(
        account.id,
        servers,
        { refreshing: false, loaded: true, lastSuccessAt: now(), stale: null, skipped: list.skipped },
        actions.pendingFor,
        { unsettled },
      );
      actions.flushOutcomes();
    } catch (error) {
      if (ended) return;
      fleet.setStatus(account.id, { refreshing: false, ...failed(error, 'Refresh') });
      throw error;
    } finally {
      lastListAt = now();
      if (!ended) actions.checkTimeouts();
    }
  };

  /**
   * One poll: the list when asked for, when nothing settles or when the list is due; else the settling
   * servers due, each on its own, and the list once after an action ended. Usage only after a good list.
   */
  const pollOnce = async (reason: PollReason): Promise<void> => {
    const listDue = reason === 'asked' || actions.nextReadAt() === null || now() >= lastListAt + listIntervalMs();
    if (!listDue) {
      let settled: boolean;
      try {
        settled = await readSettling();
      } finally {
        if (!ended) actions.checkTimeouts();
      }
      if (!settled || ended) return;
    }
    await readList();
    if (!ended) await usageReads?.readIfDue();
  };

  const pollerDeps: PollerDeps = {
    run: pollOnce,
    intervalMs,
    dueAt,
    now,
    onStopped: () => {
      for (const listener of rejectedListeners) listener();
    },
  };
  if (deps.random) pollerDeps.random = deps.random;
  const poller = createPoller(pollerDeps);
  // A pending action polls fast: the tracker tells the poller, now that both exist.
  actions.onTrackingChanged(() => poller.reschedule());

  return {
    kind,
    account,
    api,
    actions,
    poller,
    get ended() {
      return ended;
    },
    start() {
      log('info', `Session started (${kind}, account ${account.id}).`);
      poller.start();
    },
    onRejected(listener) {
      rejectedListeners.add(listener);
      return () => rejectedListeners.delete(listener);
    },
    end() {
      if (ended) return Promise.resolve();
      ended = true;
      poller.stop();
      actions.dispose();
      fleet.clear(account.id);
      return spec.close ? spec.close().catch(() => undefined) : Promise.resolve();
    },
  };
}

// One open account (a token account, or the demo): its API client, the action tracker and the poller
// that keeps its part of the fleet fresh. Every request the account's polling makes (the list, then the
// alerts' usage reads) is one poll of that poller, so one backoff, one Retry-After and one suspend hold
// for all of them. Built whole, then started; ended once.
import type { AccountInfo, ActionOutcome, FleetStatus } from '../../common/contract';
import type { Log } from '../app-log';
import type { PollIntervals } from '../../common/settings';
import { createActionTracker, type ActionTracker } from '../fleet/actions';
import type { VpsClient } from '../api/client';
import { createPoller, MAX_RETRY_AFTER_MS, type Poller, type PollerDeps } from '../fleet/poller';
import type { FleetState } from '../fleet/state';
import { toIpcError } from '../ipc/errors';
import { createUsageReads, type UsageWatch } from './usage-reads';

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

export function createSession(deps: SessionDeps, spec: SessionSpec): Session {
  const { fleet, now, redact, log } = deps;
  const { kind, account, api } = spec;
  let ended = false;
  const rejectedListeners = new Set<() => void>();

  const actions = createActionTracker({ accountId: account.id, api, fleet, now, onOutcome: deps.onOutcome });

  const intervalMs = (): number => {
    const intervals = deps.pollIntervals();
    if (actions.hasPending() || fleet.hasBusyServer(account.id)) return intervals.fastSeconds * 1000;
    return (deps.popupOpen() ? intervals.openSeconds : intervals.idleSeconds) * 1000;
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
      // The stale status crosses to the popup: worded as an IpcError would be.
      const mapped = toIpcError(error, redact);
      log('warn', `Refresh failed (${mapped.kind}): ${mapped.message}`);
      const stale: NonNullable<FleetStatus['stale']> = {
        kind: mapped.kind,
        message: mapped.message,
        since: fleet.accountStatus(account.id).stale?.since ?? now(),
      };
      if (mapped.status !== undefined) stale.status = mapped.status;
      // The popup says when the next try comes: never later than the poller's own cap on a Retry-After.
      if (mapped.retryAfterSeconds !== undefined)
        stale.retryAfterSeconds = Math.min(mapped.retryAfterSeconds, MAX_RETRY_AFTER_MS / 1000);
      fleet.setStatus(account.id, { refreshing: false, stale });
      throw error;
    } finally {
      if (!ended) actions.checkTimeouts();
    }
  };

  // Usage only after a good list: a failed one has already failed the poll.
  const pollOnce = async (): Promise<void> => {
    await readList();
    if (!ended) await usageReads?.readIfDue();
  };

  const pollerDeps: PollerDeps = {
    run: pollOnce,
    intervalMs,
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

// Actions on servers: start/stop/reboot/create/replace/update/delete through the API client.
// Rules: at most one action in flight per server; a power action the current state does not allow is
// refused without a request (refusal.ts); every POST is sent exactly once (never retried); the server shows
// its transitional status at once and is pending (action-tracking.ts) by the poller until it settles, times
// out or vanishes (reconcile.ts).
// A power request whose fate is unknown (timed out, connection lost after sending, an unreadable answer)
// is never reported failed: it stays pending (no second action meanwhile) until the list tells.
import { isVpsApiError } from '../api/errors';
import type { VpsClient } from '../api/client';
import type { CreateServerInput, ReplaceServerInput, UpdateServerPatch } from '../../common/rules';
import type { AcceptedAction, ActionOutcome, PendingAction, ServerView } from '../../common/contract';
import { isTransitional, type PowerAction, type ServerStatus } from '../../common/statuses';
import { createActionTracking, type ActionTracking, type PendingEntry } from './action-tracking';
import { createReconciler, type Reconciler } from './reconcile';
import { conflictFailure, nameMismatch, refusalReason } from './refusal';
import type { FleetState } from './state';
import type { Server, ServerDetail } from '../../common/servers';
import { type ServerRef, serverKey } from '../../common/servers';

const ACTION_TIMEOUT_MS = 10 * 60_000;
/**
 * How long after the API accepted an action a list may still show the status from before it (the list is
 * eventually consistent). Within it, a settled status counts only once the API has shown the transition
 * or dated a change after the acceptance; after it, what the list shows is taken as the outcome.
 */
const ACCEPTANCE_GRACE_MS = 30_000;
/** Above this many settling servers, one list tells about all of them for fewer requests than their reads. */
const MAX_READS_ALONE = 3;

export interface ActionTrackerDeps {
  accountId: string;
  api: VpsClient;
  fleet: FleetState;
  now: () => number;
  onOutcome: (outcome: ActionOutcome) => void;
  timeoutMs?: number;
  /** Default ACCEPTANCE_GRACE_MS. */
  graceMs?: number;
}

export interface ActionTracker {
  power(ref: ServerRef, action: PowerAction): Promise<AcceptedAction>;
  /** null: VPS.org accepted it without naming the new server; the next poll shows it. */
  create(input: CreateServerInput): Promise<ServerView | null>;
  replace(ref: ServerRef, input: ReplaceServerInput): Promise<ServerDetail>;
  update(ref: ServerRef, patch: UpdateServerPatch): Promise<ServerDetail>;
  /**
   * Deletes only when `confirmName` (what the user typed) is the server's name both in the fleet and in a
   * fresh GET just before the DELETE; otherwise refuses with a `name-mismatch` conflict and deletes nothing.
   */
  remove(ref: ServerRef, confirmName: string): Promise<null>;
  /** A poll result (from a poll that started at `pollStartedAt`) with pending servers overlaid; finishes settled actions. */
  reconcile(servers: readonly Server[], pollStartedAt: number, options?: { unsettled?: boolean }): Server[];
  /**
   * When the next read of a settling server on its own is due (GET /servers/{id}/, on the waits of
   * SETTLE_READ_WAITS_MS); null when none is, or when so many settle that lists read them instead.
   */
  nextReadAt(): number | null;
  /** The ids of the settling servers due to be read on their own at `at`. */
  readsDue(at: number): number[];
  /** Whether the server is read on its own while it settles (so no reason for the list to poll fast). */
  isReadAlone(key: string): boolean;
  /** A settling server read on its own (a read started at `readStartedAt`), shown; true when its action ended. */
  applyRead(server: Server, readStartedAt: number): boolean;
  /** A settling server read on its own was not found: its action ends as removed. */
  readGone(id: number): void;
  /** Ends actions older than the timeout (also while polls fail). */
  checkTimeouts(): void;
  /** The pending mark of a server (for FleetState.applyList). */
  pendingFor(key: string): PendingAction | null;
  /** Outcomes found by `reconcile` are held until the poll result is applied; this emits them. */
  flushOutcomes(): void;
  isPending(key: string): boolean;
  hasPending(): boolean;
  /** Tracking started or ended (e.g. for the poller to re-read its interval). Returns unsubscribe. */
  onTrackingChanged(listener: () => void): () => void;
  /** The session ended: forget pending actions without outcomes. */
  dispose(): void;
}

const POWER: Record<PowerAction, { optimistic: ServerStatus; expected: ServerStatus }> = {
  start: { optimistic: 'starting', expected: 'active' },
  stop: { optimistic: 'stopping', expected: 'stopped' },
  reboot: { optimistic: 'rebooting', expected: 'active' },
};

type ReadsAlone = Pick<ActionTracker, 'nextReadAt' | 'readsDue' | 'isReadAlone' | 'applyRead' | 'readGone'>;

/** The settling servers read on their own (GET /servers/{id}/) while they settle, and what a read tells. */
function readsAlone(deps: {
  accountId: string;
  fleet: FleetState;
  now: () => number;
  tracking: ActionTracking;
  reconciler: Reconciler;
}): ReadsAlone {
  const { accountId, fleet, now, tracking, reconciler } = deps;
  const { entries } = tracking;
  /** The settling entries read on their own: none when there are more than MAX_READS_ALONE. */
  const readAlone = (): PendingEntry[] => {
    const settling = [...entries.values()].filter((entry) => entry.nextReadAt !== null);
    return settling.length <= MAX_READS_ALONE ? settling : [];
  };
  return {
    nextReadAt() {
      const times = readAlone().map((entry) => entry.nextReadAt ?? Infinity);
      return times.length > 0 ? Math.min(...times) : null;
    },
    readsDue: (at) =>
      readAlone()
        .filter((entry) => (entry.nextReadAt ?? Infinity) <= at)
        .map((entry) => entry.id),
    isReadAlone: (key) => readAlone().some((entry) => entry.key === key),
    applyRead(server, readStartedAt) {
      const key = serverKey(accountId, server.id);
      const entry = entries.get(key);
      tracking.holdOutcomes();
      const shown = reconciler.reconcileRead(server, readStartedAt);
      // The fleet shows it first, the outcome follows (as after a list).
      fleet.upsert(accountId, shown, tracking.pendingFor(key));
      const ended = entry !== undefined && entries.get(key) !== entry;
      if (entry && !ended) tracking.readDone(entry, now());
      tracking.flushOutcomes();
      return ended;
    },
    readGone(id) {
      const key = serverKey(accountId, id);
      tracking.holdOutcomes();
      reconciler.readGone(key);
      fleet.remove(key);
      tracking.flushOutcomes();
    },
  };
}

export function createActionTracker(deps: ActionTrackerDeps): ActionTracker {
  const { accountId, api, fleet, now } = deps;
  const tracking = createActionTracking({ accountId, fleet, now, onOutcome: deps.onOutcome });
  const { entries, begin, track, revert, release } = tracking;
  const reconciler = createReconciler({
    accountId,
    fleet,
    now,
    tracking,
    timeoutMs: deps.timeoutMs ?? ACTION_TIMEOUT_MS,
    graceMs: deps.graceMs ?? ACCEPTANCE_GRACE_MS,
  });

  /**
   * An edit that ends with its response: pending while it is sent (no second action meanwhile), reverted
   * with a failed outcome when the API refuses it; `apply` shows the result in the fleet.
   */
  const edit = async <T>(
    ref: ServerRef,
    action: 'replace' | 'update' | 'delete',
    send: () => Promise<T>,
    apply: (result: T) => void,
  ): Promise<T> => {
    const { entry } = begin(ref, action);
    track(entry, null);
    try {
      const result = await send();
      release(entry);
      apply(result);
      return result;
    } catch (error) {
      revert(entry, error);
      throw error;
    }
  };

  const showDetail = (detail: ServerDetail) => fleet.upsert(accountId, detail, null);

  return {
    async power(ref, action) {
      const { entry, view } = begin(ref, action);
      const refusal = refusalReason(view.server.name, view.server.status, action);
      if (refusal) throw conflictFailure(refusal);
      entry.optimisticStatus = POWER[action].optimistic;
      entry.expected = POWER[action].expected;
      track(entry, { ...view.server, status: POWER[action].optimistic });
      try {
        const response = await api.powerAction(ref.id, action);
        tracking.accept(entry);
        // A 2xx is acceptance whatever it says (even nothing): the list shows what follows.
        return { message: response.message ?? `VPS.org accepted the ${action} request.` };
      } catch (error) {
        // The caller still gets the error (with outcomeUnknown), to say so where the user clicked.
        if (isVpsApiError(error) && error.outcomeUnknown) tracking.keepUncertain(entry, error);
        else revert(entry, error);
        throw error;
      }
    },

    async create(input) {
      const startedAt = now();
      const created = await api.createServer(input);
      if (created === null) return null;
      const key = serverKey(accountId, created.id);
      const entry: PendingEntry = {
        key,
        id: created.id,
        name: created.name,
        action: 'create',
        startedAt,
        acceptedAt: now(),
        optimisticStatus: 'provisioning',
        expected: 'active',
        raw: created,
        caughtUp: false,
        before: null,
        uncertain: null,
        reads: 0,
        nextReadAt: null,
      };
      const server: Server = created;
      if (isTransitional(created.status)) {
        track(entry, server);
      } else {
        fleet.upsert(accountId, server, null);
      }
      return fleet.get(key) ?? { key, accountId, server, pending: null };
    },

    replace: (ref, input) => edit(ref, 'replace', () => api.replaceServer(ref.id, input), showDetail),

    update: (ref, patch) => edit(ref, 'update', () => api.updateServer(ref.id, patch), showDetail),

    async remove(ref, confirmName) {
      const { entry, view } = begin(ref, 'delete');
      // The popup showed the fleet's name: another one means the ref and what the user saw differ.
      if (view.server.name !== confirmName) throw nameMismatch(view.server);
      track(entry, null);
      let current: ServerDetail;
      try {
        // The list may be a poll old: a rename elsewhere (or a reused id) shows only in a fresh read.
        current = await api.getServer(ref.id);
      } catch (error) {
        revert(entry, error);
        throw error;
      }
      if (current.name !== confirmName) {
        // Refused before anything was sent that changes the server: no outcome, the fleet shows what is true.
        release(entry);
        showDetail(current);
        throw nameMismatch(current);
      }
      try {
        await api.deleteServer(ref.id);
      } catch (error) {
        revert(entry, error);
        throw error;
      }
      release(entry);
      fleet.remove(entry.key);
      return null;
    },

    reconcile: reconciler.reconcile,
    ...readsAlone({ accountId, fleet, now, tracking, reconciler }),
    checkTimeouts: reconciler.checkTimeouts,
    pendingFor: tracking.pendingFor,
    flushOutcomes: tracking.flushOutcomes,
    isPending: (key) => entries.has(key),
    hasPending: () => entries.size > 0,
    onTrackingChanged: tracking.onTrackingChanged,
    dispose: tracking.dispose,
  };
}

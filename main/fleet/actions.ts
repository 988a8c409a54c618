// Actions on servers: start/stop/reboot/create/replace/update/delete through the API client.
// Rules: at most one action in flight per server; a power action the current state does not allow is
// refused without a request; every POST is sent exactly once (never retried); the server shows its
// transitional status at once and is tracked by the poller until it settles, times out or vanishes.
// A power request whose fate is unknown (timed out, connection lost after sending, an unreadable answer)
// is never reported failed: it stays tracked (no second action meanwhile) until the list tells.
import { isVpsApiError, type VpsApiError } from '../api/errors';
import type { CreateServerInput, ReplaceServerInput, UpdateServerPatch } from '../../common/rules';
import type { AcceptedAction, ActionOutcome, ConflictInfo, PendingAction, ServerView } from '../../common/contract';
import { AccountNotActive, ActionRefused, ServerNotListed } from '../errors';
import type { VpsClient } from '../api/client';
import { allowedPowerActions, isTransitional } from '../../common/statuses';
import { messagesFor } from '../i18n';
import { conflictText, elapsedText, outcomeText, statusLabel } from '../../common/i18n/sentences';
import { type FleetState } from './state';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import type { Server, ServerDetail } from '../../common/servers';
import { type ServerRef, serverKey } from '../../common/servers';

export const ACTION_TIMEOUT_MS = 10 * 60_000;
/**
 * How long after the API accepted an action a list may still show the status from before it (the list is
 * eventually consistent). Within it, a settled status counts only once the API has shown the transition
 * or dated a change after the acceptance; after it, what the list shows is taken as the outcome.
 */
export const ACCEPTANCE_GRACE_MS = 30_000;

type TrackedKind = PendingAction['action'];

interface Tracked {
  key: string;
  id: number;
  name: string;
  action: TrackedKind;
  startedAt: number;
  /** Set when the API accepted the request; polls that started earlier cannot tell the outcome. */
  acceptedAt: number | null;
  /** What the server shows until the API reports a transitional or settled status. */
  optimisticStatus: ServerStatus | null;
  /** The settled status that means success; null for actions that finish with their response. */
  expected: ServerStatus | null;
  /** The server as the API last described it: what a failed action reverts to. */
  raw: Server | null;
  /** A list since the acceptance showed a transitional status or the server itself: it has caught up. */
  caughtUp: boolean;
  /** The status before the action: a settled list status other than it shows the API has caught up. */
  before: ServerStatus | null;
  /**
   * The request's fate is unknown (no readable answer): `acceptedAt` is when that became clear. Only a list
   * that shows the change settles it; without one, the grace period ends it as 'unknown'.
   */
  uncertain: VpsApiError | null;
}

type OutcomeError = NonNullable<ActionOutcome['error']>;

function outcomeError(error: VpsApiError): OutcomeError {
  const result: OutcomeError = { kind: error.kind };
  if (error.status !== undefined) result.status = error.status;
  if (error.apiText !== undefined) result.apiText = error.apiText;
  return result;
}

const POWER: Record<PowerAction, { optimistic: ServerStatus; expected: ServerStatus }> = {
  start: { optimistic: 'starting', expected: 'active' },
  stop: { optimistic: 'stopping', expected: 'stopped' },
  reboot: { optimistic: 'rebooting', expected: 'active' },
};

/** `ActionOutcome.message` and `IpcError.message`: English, for logs (the user's language is worded from the data). */
const ENGLISH = messagesFor('en');

/**
 * Why a power action is not possible now, as data, or null when it is. Whether it is allowed comes from
 * `allowedPowerActions` alone (the rule the popup and tray use too).
 */
export function refusalReason(name: string, status: ServerStatus, action: PowerAction): ConflictInfo | null {
  if (allowedPowerActions(status).includes(action)) return null;
  const refused = (reason: ConflictInfo['reason']): ConflictInfo => ({ reason, serverName: name, status });
  if (isTransitional(status)) return refused('busy');
  if (status === 'suspended') return refused('suspended');
  if (status === 'active') return refused('already-running');
  if (status === 'stopped') return refused('not-running');
  return refused('other-status');
}

/**
 * The English wording of a refusal (`IpcError.message`, for logs); the popup and the tray word
 * `IpcError.conflict` themselves, in the user's language.
 */
export function conflictMessage(conflict: ConflictInfo): string {
  return conflictText(ENGLISH, conflict);
}

/** The failure a refused action raises: the reason as data, worded in English from it. */
export function conflictFailure(conflict: ConflictInfo): ActionRefused {
  return new ActionRefused(conflict, conflictMessage(conflict));
}

/** A delete confirmed with a name that is not the server's (now `server.name`). */
const nameMismatch = (server: Server) =>
  conflictFailure({ reason: 'name-mismatch', serverName: server.name, status: server.status });

/**
 * The API dated a change of the server at or after `at`. `updated_at` has whole seconds, so a change in
 * the same second counts: a lagging list shows the date from before the action instead.
 */
function changedSince(server: Server, at: number): boolean {
  // Without a date the list proves nothing: the other signs (a transition, a new status) or the grace decide.
  if (server.updated_at === null) return false;
  return Date.parse(server.updated_at) >= Math.floor(at / 1000) * 1000;
}

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
  /** A poll result (from a poll that started at `pollStartedAt`) with tracked servers overlaid; finishes settled actions. */
  reconcile(servers: readonly Server[], pollStartedAt: number): Server[];
  /** Ends actions older than the timeout (also while polls fail). */
  checkTimeouts(): void;
  /** The pending mark of a server (for FleetState.applyList). */
  pendingFor(key: string): PendingAction | null;
  /** Outcomes found by `reconcile` are held until the poll result is applied; this emits them. */
  flushOutcomes(): void;
  isTracked(key: string): boolean;
  hasTracked(): boolean;
  /** Tracking started or ended (e.g. for the poller to re-read its interval). Returns unsubscribe. */
  onTrackingChanged(listener: () => void): () => void;
  /** The session ended: forget tracked actions without outcomes. */
  dispose(): void;
}

export function createActionTracker(deps: ActionTrackerDeps): ActionTracker {
  const { accountId, api, fleet, now } = deps;
  const timeoutMs = deps.timeoutMs ?? ACTION_TIMEOUT_MS;
  const graceMs = deps.graceMs ?? ACCEPTANCE_GRACE_MS;
  const tracked = new Map<string, Tracked>();
  let disposed = false;
  let held: ActionOutcome[] | null = null;
  const trackingListeners = new Set<() => void>();
  const trackingChanged = () => {
    for (const listener of trackingListeners) listener();
  };

  const pendingOf = (entry: Tracked): PendingAction => ({ action: entry.action, startedAt: entry.startedAt });
  const englishOutcome = (entry: Tracked, outcome: 'done' | 'removed' | 'unknown', at = now()) =>
    outcomeText(ENGLISH, { outcome, action: entry.action, serverName: entry.name, elapsedMs: at - entry.startedAt });

  /** Ends tracking with an outcome; `finalStatus` is where the server is now (null when it is gone). */
  const finish = (
    entry: Tracked,
    outcome: ActionOutcome['outcome'],
    message: string,
    finalStatus: ServerStatus | null,
    error?: VpsApiError,
  ) => {
    if (tracked.get(entry.key) !== entry) return;
    tracked.delete(entry.key);
    trackingChanged();
    if (disposed) return;
    const result: ActionOutcome = {
      ref: { accountId, id: entry.id },
      serverName: entry.name,
      action: entry.action,
      outcome,
      message,
      elapsedMs: now() - entry.startedAt,
      finalStatus,
    };
    if (error) result.error = outcomeError(error);
    if (held) held.push(result);
    else deps.onOutcome(result);
  };

  const begin = (ref: ServerRef, action: TrackedKind): { entry: Tracked; view: ServerView } => {
    if (ref.accountId !== accountId) throw new AccountNotActive();
    const key = serverKey(accountId, ref.id);
    const view = fleet.get(key);
    if (!view) throw new ServerNotListed(ref.id);
    const busy = tracked.get(key);
    if (busy) {
      const { name, status } = view.server;
      throw conflictFailure({ reason: 'in-flight', serverName: name, status, pendingAction: busy.action });
    }
    const entry: Tracked = {
      key,
      id: ref.id,
      name: view.server.name,
      action,
      startedAt: now(),
      acceptedAt: null,
      optimisticStatus: null,
      expected: null,
      raw: view.server,
      caughtUp: false,
      before: view.server.status,
      uncertain: null,
    };
    return { entry, view };
  };

  const track = (entry: Tracked, optimistic: Server | null) => {
    tracked.set(entry.key, entry);
    if (optimistic) fleet.upsert(accountId, optimistic, pendingOf(entry));
    else fleet.setPending(entry.key, pendingOf(entry));
    trackingChanged();
  };

  /** Back to what the API last said, without the pending mark; returns that status. */
  const showLastKnown = (entry: Tracked): ServerStatus | null => {
    if (entry.raw) fleet.upsert(accountId, entry.raw, null);
    else fleet.setPending(entry.key, null);
    return fleet.get(entry.key)?.server.status ?? null;
  };

  /** The request failed: the server shows what the API last said, without the pending mark. */
  const revert = (entry: Tracked, error: unknown) => {
    if (tracked.get(entry.key) !== entry) return;
    const apiError = isVpsApiError(error) ? error : undefined;
    if (apiError?.kind === 'not-found') {
      fleet.remove(entry.key);
      finish(entry, 'removed', englishOutcome(entry, 'removed'), null, apiError);
      return;
    }
    const finalStatus = showLastKnown(entry);
    const elapsed = elapsedText(ENGLISH, now() - entry.startedAt);
    if (apiError?.outcomeUnknown) {
      // An edit whose answer was lost: not a failure, and the next poll shows what the server is now.
      finish(entry, 'unknown', englishOutcome(entry, 'unknown'), finalStatus, apiError);
      return;
    }
    const reason = apiError ? apiError.message : 'Unexpected error.';
    finish(
      entry,
      'failed',
      `The ${ENGLISH.t(`actionName.${entry.action}`)} of ${entry.name} failed after ${elapsed}: ${reason}`,
      finalStatus,
      apiError,
    );
  };

  /**
   * A power request without a readable answer: it may have been carried out, so it stays tracked (pending,
   * no second action) and the list decides. A 2xx with an unreadable body was accepted: tracked as such.
   */
  const keepUncertain = (entry: Tracked, error: VpsApiError) => {
    if (tracked.get(entry.key) !== entry) return;
    entry.acceptedAt = now();
    const accepted = error.status !== undefined && error.status >= 200 && error.status < 300;
    if (!accepted) entry.uncertain = error;
    trackingChanged();
  };

  /** Actions that end with their response (replace/update/delete): no outcome event, the caller gets the result. */
  const release = (entry: Tracked) => {
    if (tracked.get(entry.key) !== entry) return;
    tracked.delete(entry.key);
    trackingChanged();
  };

  /**
   * An edit that ends with its response: tracked while it is sent (no second action meanwhile), reverted
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

  const settle = (entry: Tracked, server: Server) => {
    const elapsed = elapsedText(ENGLISH, now() - entry.startedAt);
    if (entry.uncertain && !entry.caughtUp) {
      // The grace period is over and the server never showed the change: nobody can tell what happened.
      finish(entry, 'unknown', englishOutcome(entry, 'unknown'), server.status, entry.uncertain);
    } else if (server.status === entry.expected) {
      finish(entry, 'done', englishOutcome(entry, 'done'), server.status);
    } else {
      const word = statusLabel(ENGLISH, server.status);
      finish(
        entry,
        'failed',
        `The ${ENGLISH.t(`actionName.${entry.action}`)} of ${entry.name} failed: it is now ${word} (after ${elapsed}).`,
        server.status,
      );
    }
  };

  const graceOver = (entry: Tracked, pollStartedAt: number) =>
    entry.acceptedAt !== null && pollStartedAt - entry.acceptedAt >= graceMs;

  /**
   * Whether this list entry tells how the action went: it must come from a poll started after the API
   * accepted the action, and the API must have caught up with it (shown the transition, or dated a
   * change since the request), or the grace period after the acceptance must be over.
   */
  const tellsOutcome = (entry: Tracked, server: Server, pollStartedAt: number): boolean => {
    if (entry.acceptedAt === null || pollStartedAt < entry.acceptedAt) return false;
    // A created server listed at all is the API caught up: it did not exist before.
    if (entry.action === 'create') entry.caughtUp = true;
    // The API dates its change somewhere between sending and acceptance: compare with the sending.
    if (isTransitional(server.status) || changedSince(server, entry.startedAt)) entry.caughtUp = true;
    // A settled status other than the one before the action: the list has moved on.
    if (entry.before !== null && server.status !== entry.before) entry.caughtUp = true;
    return entry.caughtUp || graceOver(entry, pollStartedAt);
  };

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
        entry.acceptedAt = now();
        // A 2xx is acceptance whatever it says (even nothing): the list shows what follows.
        return { message: response.message ?? `VPS.org accepted the ${action} request.` };
      } catch (error) {
        // The caller still gets the error (with outcomeUnknown), to say so where the user clicked.
        if (isVpsApiError(error) && error.outcomeUnknown) keepUncertain(entry, error);
        else revert(entry, error);
        throw error;
      }
    },

    async create(input) {
      const startedAt = now();
      const created = await api.createServer(input);
      if (created === null) return null;
      const key = serverKey(accountId, created.id);
      const entry: Tracked = {
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

    reconcile(servers, pollStartedAt) {
      if (tracked.size === 0) return servers as Server[];
      held ??= [];
      const result: Server[] = [];
      const seen = new Set<string>();
      for (const server of servers) {
        const key = serverKey(accountId, server.id);
        const entry = tracked.get(key);
        if (!entry) {
          result.push(server);
          continue;
        }
        seen.add(key);
        entry.raw = server;
        entry.name = server.name;
        if (entry.expected === null || !tellsOutcome(entry, server, pollStartedAt)) {
          // The poll predates the request, or the API has not caught up yet: keep the optimistic status.
          const status =
            isTransitional(server.status) || entry.optimisticStatus === null ? server.status : entry.optimisticStatus;
          result.push(status === server.status ? server : { ...server, status });
          continue;
        }
        result.push(server);
        if (!isTransitional(server.status)) settle(entry, server);
      }
      for (const entry of tracked.values()) {
        if (seen.has(entry.key)) continue;
        const accepted = entry.acceptedAt !== null && pollStartedAt >= entry.acceptedAt;
        // A new server may be missing from a lagging list for a while; an existing one in it was deleted.
        const lagging = entry.action === 'create' && !entry.caughtUp && !graceOver(entry, pollStartedAt);
        if (accepted && !lagging) {
          finish(entry, 'removed', englishOutcome(entry, 'removed'), null);
        } else {
          const view = fleet.get(entry.key);
          if (view) result.push(view.server);
        }
      }
      return result;
    },

    checkTimeouts() {
      const at = now();
      for (const entry of tracked.values()) {
        if (entry.expected === null || at - entry.startedAt < timeoutMs) continue;
        const finalStatus = showLastKnown(entry);
        if (entry.uncertain && !entry.caughtUp) {
          finish(entry, 'unknown', englishOutcome(entry, 'unknown', at), finalStatus, entry.uncertain);
          continue;
        }
        finish(
          entry,
          'timed-out',
          `${entry.name} did not finish (${entry.action}) within ${elapsedText(ENGLISH, timeoutMs)}.`,
          finalStatus,
        );
      }
    },

    pendingFor(key) {
      const entry = tracked.get(key);
      return entry ? pendingOf(entry) : null;
    },
    flushOutcomes() {
      const outcomes = held ?? [];
      held = null;
      for (const outcome of outcomes) deps.onOutcome(outcome);
    },
    isTracked: (key) => tracked.has(key),
    hasTracked: () => tracked.size > 0,
    onTrackingChanged(listener) {
      trackingListeners.add(listener);
      return () => trackingListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      tracked.clear();
    },
  };
}

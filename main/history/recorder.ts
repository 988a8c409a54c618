// What the history records, from what the core already tells (fleet deltas, alert snapshots, action
// outcomes, suspend and resume): each observation becomes events in a batch, in memory, at once and
// cheaply; the history writes the batch after the poll's synchronous work (history.ts). The recorder
// keeps only what it needs to see a change: each server's last status, each account's failure, each
// server's deviations, the actions in flight and the suspend time; all of it bounded by the fleet.
import type { AlertsSnapshot, DeviationKind } from '../../common/alerts';
import type { ActionOutcome, FleetDelta, FleetStatus } from '../../common/contract';
import type { AccountFailure, ActionSource } from '../../common/history';
import type { ServerRef } from '../../common/servers';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import { APP_WIDE, type AlertState, type HistoryEvent } from './events';

/** Why an account's list is stale, in the history's words; null when it is not a failure the history keeps. */
function accountFailure(stale: FleetStatus['stale']): AccountFailure | null {
  if (stale === null) return null;
  switch (stale.kind) {
    case 'unauthorized':
      return 'unauthorized';
    case 'rate-limited':
      return 'rate-limited';
    case 'server':
      return 'server-error';
    default:
      return 'offline';
  }
}

/** `serverKey`'s parts back (an account id never holds the last `:`). */
function parseServerKey(key: string): { accountId: string; serverId: number } | null {
  const at = key.lastIndexOf(':');
  const serverId = Number(key.slice(at + 1));
  return at > 0 && Number.isSafeInteger(serverId) && serverId > 0 ? { accountId: key.slice(0, at), serverId } : null;
}

interface DeviationSeen {
  hard: boolean;
  acknowledged: boolean;
}

export interface Recorder {
  fleetChanged(delta: FleetDelta): void;
  alertsChanged(snapshot: AlertsSnapshot): void;
  actionStarted(ref: ServerRef, action: PowerAction, source: ActionSource): void;
  actionFinished(outcome: ActionOutcome): void;
  suspended(): void;
  resumed(): void;
  /** The app was not watching from `since` (its last sign of life before this start) until the first poll. */
  notRunningSince(since: number): void;
  /** Each server's last recorded status (from the file), so a restart records no change that did not happen. */
  seedStatuses(statuses: Iterable<readonly [string, ServerStatus]>): void;
  /** Forgets what it knew of an account (it was removed). */
  forgetAccount(accountId: string): void;
  /** The batch recorded since the last call, oldest first; the recorder starts a new one. */
  take(): HistoryEvent[];
  /** How many entries it holds in all (bounded by the fleet, whatever the number of events). */
  held(): number;
}

export function createRecorder(now: () => number): Recorder {
  let batch: HistoryEvent[] = [];
  const statuses = new Map<string, ServerStatus>();
  const failures = new Map<string, AccountFailure>();
  const deviations = new Map<string, Map<DeviationKind, DeviationSeen>>();
  /** The source of each action in flight, by `key action`. */
  const sources = new Map<string, ActionSource>();
  let suspendedAt: number | null = null;
  let notRunningFrom: number | null = null;

  function observeAccounts(accounts: Record<string, FleetStatus>, at: number): void {
    for (const [accountId, status] of Object.entries(accounts)) {
      const failure = accountFailure(status.stale);
      const before = failures.get(accountId) ?? null;
      if (failure === before) continue;
      if (failure === null) {
        failures.delete(accountId);
        batch.push({ at, accountId, kind: 'account', change: 'recovered' });
      } else {
        failures.set(accountId, failure);
        batch.push({ at: status.stale?.since ?? at, accountId, kind: 'account', change: 'failed', failure });
      }
    }
    if (notRunningFrom !== null && Object.values(accounts).some((status) => status.lastSuccessAt !== null)) {
      if (at > notRunningFrom)
        batch.push({ at: notRunningFrom, accountId: APP_WIDE, kind: 'gap', until: at, reason: 'closed' });
      notRunningFrom = null;
    }
  }

  function alertEvent(key: string, alert: DeviationKind, state: AlertState, paused?: boolean): void {
    const server = parseServerKey(key);
    if (server === null) return;
    const event: HistoryEvent = { at: now(), ...server, kind: 'alert', alert, state };
    if (paused !== undefined) event.paused = paused;
    batch.push(event);
  }

  return {
    fleetChanged(delta) {
      const at = now();
      for (const view of delta.upserted) {
        const to = view.server.status;
        const from = statuses.get(view.key) ?? null;
        if (from === to) continue;
        statuses.set(view.key, to);
        batch.push({ at, accountId: view.accountId, serverId: view.server.id, kind: 'status', from, to });
      }
      for (const key of delta.removed) statuses.delete(key);
      if (delta.accounts !== undefined) observeAccounts(delta.accounts, at);
    },
    alertsChanged(snapshot) {
      for (const [key, before] of deviations) {
        const still = new Set(snapshot.servers[key]?.deviations.map((deviation) => deviation.kind));
        for (const kind of before.keys()) if (!still.has(kind)) alertEvent(key, kind, 'ended');
      }
      for (const [key, server] of Object.entries(snapshot.servers)) {
        const before = deviations.get(key);
        const seen = new Map<DeviationKind, DeviationSeen>();
        const paused = server.pause !== null || snapshot.pauseAll !== null;
        for (const deviation of server.deviations) {
          const earlier = before?.get(deviation.kind);
          const current = { hard: deviation.hardSince !== null, acknowledged: deviation.acknowledged };
          if (!earlier) alertEvent(key, deviation.kind, 'raised', paused);
          if (current.hard && !earlier?.hard) alertEvent(key, deviation.kind, 'hard');
          if (current.acknowledged && !earlier?.acknowledged) alertEvent(key, deviation.kind, 'acknowledged');
          seen.set(deviation.kind, current);
        }
        if (seen.size > 0) deviations.set(key, seen);
      }
      for (const key of deviations.keys()) if (!snapshot.servers[key]?.deviations.length) deviations.delete(key);
    },
    actionStarted(ref, action, source) {
      sources.set(`${ref.accountId}:${ref.id} ${action}`, source);
      batch.push({
        at: now(),
        accountId: ref.accountId,
        serverId: ref.id,
        kind: 'action',
        action,
        outcome: 'sent',
        source,
      });
    },
    actionFinished(outcome) {
      const { action } = outcome;
      // Edits (create, replace, delete) end as outcomes too; the history keeps power actions.
      if (action !== 'start' && action !== 'stop' && action !== 'reboot') return;
      const id = `${outcome.ref.accountId}:${outcome.ref.id} ${outcome.action}`;
      const source = sources.get(id);
      sources.delete(id);
      batch.push({
        at: now(),
        accountId: outcome.ref.accountId,
        serverId: outcome.ref.id,
        kind: 'action',
        action,
        outcome: outcome.outcome === 'done' ? 'succeeded' : 'failed',
        ...(source && { source }),
        tookMs: Math.max(0, Math.round(outcome.elapsedMs)),
      });
    },
    suspended() {
      suspendedAt ??= now();
    },
    resumed() {
      const at = now();
      if (suspendedAt !== null && at > suspendedAt)
        batch.push({ at: suspendedAt, accountId: APP_WIDE, kind: 'gap', until: at, reason: 'suspended' });
      suspendedAt = null;
    },
    notRunningSince(since) {
      notRunningFrom = since;
    },
    seedStatuses(seed) {
      for (const [key, status] of seed) if (!statuses.has(key)) statuses.set(key, status);
    },
    forgetAccount(accountId) {
      const prefix = `${accountId}:`;
      for (const map of [statuses, deviations, sources])
        for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
      failures.delete(accountId);
      batch = batch.filter((event) => event.accountId !== accountId);
    },
    held: () => batch.length + statuses.size + failures.size + deviations.size + sources.size,
    take() {
      const taken = batch;
      batch = [];
      return taken;
    },
  };
}

// The expected-state alert engine: pure, no Electron, no timers of its own (the caller asks `nextWakeAt`
// and calls `tick` then). Each poll is an observation; per server it keeps at most one status deviation
// (stopped / suspended / gone / unknown-status, for a server that should run: status.ts) and one per
// usage threshold (thresholds.ts). As in Nagios, a deviation is soft when first seen and turns hard once
// it has held for the hold time; only a hard one is told (one notification) and calls for attention, and
// its end is told once ("back to normal"). A server busy with a power action or in a transitional status
// starts none. This module keeps the servers between observations and evaluates each in turn.
import type { AlertsSnapshot, ServerAlert } from '../../common/alerts';
import { serverKey } from '../../common/servers';
import type { AlertSettings, Expectation } from '../../common/settings';
import {
  conditionsOf,
  isBusy,
  type AlertEvent,
  type Condition,
  type ObservedServer,
  type ServerEvaluation,
  type WatchedServer,
} from './conditions';
import { isPauseActive, isPausedAt } from './pauses';
import { evaluateStatus } from './status';
import { evaluateThresholds, METRICS } from './thresholds';
import type { UsagePercents } from './usage';

export interface AlertObservation {
  /**
   * The accounts with a session. fresh: its last list is current, so a server missing from it is gone.
   * Servers of an account not named here are forgotten silently (the session ended).
   */
  accounts: ReadonlyArray<{ accountId: string; fresh: boolean }>;
  servers: readonly ObservedServer[];
}

export interface AlertEngineDeps {
  now: () => number;
  /** Read at every evaluation, so a change applies at the next one. */
  settings: () => AlertSettings;
}

export interface ObserveResult {
  /** Hard deviations and recoveries to tell (never for a paused server or while the tray is paused). */
  events: AlertEvent[];
  /** Expectations of servers seen for the first time, to remember. */
  learned: Record<string, Expectation>;
}

export interface AlertEngine {
  observe(observation: AlertObservation): ObserveResult;
  /** Usage read for running servers (by key); evaluated with the last observation. */
  observeUsage(usage: ReadonlyMap<string, UsagePercents>): ObserveResult;
  /** Evaluates again with the last observation (a hold time ran out, a pause ended, a setting changed). */
  tick(): ObserveResult;
  /** Calms every hard deviation of the server until its state changes; false when there was none. */
  acknowledge(key: string): boolean;
  /** Forgets a server (deleted from the app): no "gone" deviation for it. */
  forget(key: string): void;
  snapshot(): AlertsSnapshot;
  /** When `tick` can change something next (a soft deviation turns hard, a pause ends); null: never. */
  nextWakeAt(): number | null;
}

const publicDeviation = ({ notified: _notified, ...deviation }: Condition) => deviation;

/** The servers of the observation, by key. */
const serversByKey = (observation: AlertObservation) =>
  new Map(observation.servers.map((server) => [serverKey(server.accountId, server.id), server]));

/**
 * Brings `watched` in step with the observation: servers of accounts no longer polled are forgotten
 * (with what was learned of them and not stored), servers seen for the first time are added.
 */
function watchObservation(
  watched: Map<string, WatchedServer>,
  remembered: Map<string, Expectation>,
  accounts: ReadonlyMap<string, boolean>,
  seen: ReadonlyMap<string, ObservedServer>,
): void {
  for (const [key, entry] of watched) {
    if (!accounts.has(entry.accountId)) watched.delete(key);
  }
  for (const key of remembered.keys()) {
    if (!accounts.has(key.slice(0, key.lastIndexOf(':')))) remembered.delete(key);
  }
  for (const [key, server] of seen) {
    if (watched.has(key)) continue;
    watched.set(key, {
      accountId: server.accountId,
      name: server.name,
      lastStatus: server.status,
      status: null,
      metrics: {},
      usage: null,
      wasBusy: false,
    });
  }
}

/** A raw status change (even one that keeps the deviation's kind) ends every acknowledgement. */
function noteStatus(entry: WatchedServer, observed: ObservedServer | null): void {
  const statusNow = observed?.status ?? 'gone';
  if (statusNow === entry.lastStatus) return;
  entry.lastStatus = statusNow;
  for (const cond of conditionsOf(entry)) cond.acknowledged = false;
}

/** Soft conditions that held for the hold time turn hard; a hard one not yet told is told once. */
function hardenAndTell(at: ServerEvaluation, holdMs: number): void {
  for (const cond of conditionsOf(at.entry)) {
    if (cond.hardSince === null && at.now - cond.since >= holdMs) cond.hardSince = at.now;
    if (cond.hardSince !== null && !cond.notified && !at.quiet) {
      cond.notified = true;
      at.events.push({ type: 'deviation', key: at.key, name: at.entry.name, kind: cond.kind });
    }
  }
}

export function createAlertEngine(deps: AlertEngineDeps): AlertEngine {
  const watched = new Map<string, WatchedServer>();
  // Learned expectations until the caller has stored them (settings win once they have one).
  const remembered = new Map<string, Expectation>();
  let last: AlertObservation = { accounts: [], servers: [] };

  const expectationOf = (settings: AlertSettings, key: string): Expectation | undefined =>
    settings.expectations[key] ?? remembered.get(key);

  function evaluate(): ObserveResult {
    const now = deps.now();
    const settings = deps.settings();
    const events: AlertEvent[] = [];
    const learned: Record<string, Expectation> = {};
    const accounts = new Map(last.accounts.map((account) => [account.accountId, account.fresh]));
    const seen = serversByKey(last);
    watchObservation(watched, remembered, accounts, seen);

    for (const [key, entry] of watched) {
      const observed = seen.get(key) ?? null;
      if (!observed && accounts.get(entry.accountId) !== true) continue; // not current: nothing is known of it
      if (observed) entry.name = observed.name;
      let expectation = expectationOf(settings, key);
      if (expectation === undefined && observed && !isBusy(observed)) {
        // First seen settled: running means it should run; otherwise it may stop. A server first seen
        // busy (being created, rebooting) waits until it settles.
        expectation = observed.status === 'active' ? 'should-run' : 'may-stop';
        learned[key] = expectation;
        remembered.set(key, expectation);
      }
      noteStatus(entry, observed);
      const at: ServerEvaluation = {
        key,
        entry,
        observed,
        settings,
        quiet: isPausedAt(settings, key, now),
        now,
        events,
      };
      if (expectation === undefined) {
        entry.status = null;
      } else {
        evaluateStatus(at, expectation);
        if (!observed && expectation === 'may-stop') {
          watched.delete(key);
          continue;
        }
      }
      evaluateThresholds(at);
      if (observed) entry.wasBusy = isBusy(observed);
      hardenAndTell(at, settings.holdSeconds * 1000);
    }
    return { events, learned };
  }

  function snapshot(): AlertsSnapshot {
    const settings = deps.settings();
    const now = deps.now();
    const servers: Record<string, ServerAlert> = {};
    const attention: string[] = [];
    for (const [key, entry] of watched) {
      const deviations = [entry.status, ...METRICS.map((metric) => entry.metrics[metric])]
        .filter((cond): cond is Condition => cond !== null && cond !== undefined)
        .map(publicDeviation);
      const pause = settings.serverPauses[key];
      servers[key] = {
        key,
        name: entry.name,
        expectation: expectationOf(settings, key) ?? 'may-stop',
        deviations,
        pause: isPauseActive(pause, now) ? (pause ?? null) : null,
        thresholds: settings.serverThresholds[key] ?? {},
      };
      if (!isPausedAt(settings, key, now) && deviations.some((d) => d.hardSince !== null && !d.acknowledged)) {
        attention.push(key);
      }
    }
    return { servers, pauseAll: isPauseActive(settings.pauseAll, now) ? settings.pauseAll : null, attention };
  }

  function nextWakeAt(): number | null {
    const settings = deps.settings();
    const now = deps.now();
    const times: number[] = [];
    for (const entry of watched.values()) {
      for (const cond of conditionsOf(entry)) {
        if (cond.hardSince === null) times.push(cond.since + settings.holdSeconds * 1000);
      }
    }
    for (const pause of [settings.pauseAll, ...Object.values(settings.serverPauses)]) {
      if (pause?.until !== null && pause?.until !== undefined && pause.until > now) times.push(pause.until);
    }
    return times.length > 0 ? Math.min(...times) : null;
  }

  return {
    observe(observation) {
      last = observation;
      return evaluate();
    },
    observeUsage(usage) {
      for (const [key, percents] of usage) {
        const entry = watched.get(key);
        if (entry) entry.usage = percents;
      }
      return evaluate();
    },
    tick: evaluate,
    acknowledge(key) {
      const entry = watched.get(key);
      let any = false;
      for (const cond of entry ? conditionsOf(entry) : []) {
        if (cond.hardSince !== null && !cond.acknowledged) {
          cond.acknowledged = true;
          any = true;
        }
      }
      return any;
    },
    forget(key) {
      watched.delete(key);
      last = { ...last, servers: last.servers.filter((server) => serverKey(server.accountId, server.id) !== key) };
      remembered.delete(key);
    },
    snapshot,
    nextWakeAt,
  };
}

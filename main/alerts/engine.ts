// The expected-state alert engine: pure, no Electron, no timers of its own (the caller asks `nextWakeAt`
// and calls `tick` then). Each poll is an observation; per server it keeps at most one status deviation
// (stopped / suspended / gone / unknown-status, for a server that should run: status.ts) and one per
// usage threshold (thresholds.ts). As in Nagios, a deviation is soft when first seen and turns hard once
// it has held for the hold time; only a hard one is told (one notification) and calls for attention, and
// its end is told once ("back to normal"). A server busy with a power action or in a transitional status
// starts none. This module keeps the servers between observations and evaluates each in turn.
import type { AlertsSnapshot } from '../../common/alerts';
import { serverKey } from '../../common/servers';
import type { AlertSettings, Expectation } from '../../common/settings';
import {
  conditionsOf,
  isBusy,
  type AlertEvent,
  type ObservedServer,
  type ServerEvaluation,
  type WatchedServer,
} from './conditions';
import { isPausedAt } from './pauses';
import { createSnapshotCache, sameAlertSettings } from './snapshot';
import { evaluateStatus } from './status';
import { evaluateThresholds } from './thresholds';
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

/** Whether two readings of a server say the same to the engine. */
const sameObserved = (a: ObservedServer, b: ObservedServer): boolean =>
  a === b || (a.name === b.name && a.status === b.status && a.pending === b.pending && a.accountId === b.accountId);

/** A server whose evaluation may change with time alone: missing from its list, or with a condition soft or not yet told. */
const isRestless = (entry: WatchedServer, observed: ObservedServer | null): boolean =>
  observed === null || conditionsOf(entry).some((cond) => cond.hardSince === null || !cond.notified);

/** The last observation of each server, by key, with the observation that last listed it. */
interface Seen {
  server: ObservedServer;
  at: number;
}

/**
 * What the engine knows between evaluations: the servers, what was learned of them and not yet stored,
 * the last observation, and which servers the next evaluation has to look at (`dirty`: their observation
 * or usage changed; `restless`: time alone may change them) — an observation evaluates only those, a
 * `tick` every server.
 */
function createMemory() {
  return {
    watched: new Map<string, WatchedServer>(),
    // Learned expectations until the caller has stored them (settings win once they have one).
    remembered: new Map<string, Expectation>(),
    seen: new Map<string, Seen>(),
    accounts: new Map<string, boolean>(),
    observations: 0,
    dirty: new Set<string>(),
    restless: new Set<string>(),
    /** Evaluated or forgotten since the last snapshot. */
    touched: new Set<string>(),
    evaluatedWith: null as AlertSettings | null,
  };
}
type Memory = ReturnType<typeof createMemory>;

/** Takes in an observation: what changed is marked dirty; true when the accounts polled changed. */
function takeObservation(memory: Memory, observation: AlertObservation): boolean {
  const { seen, dirty } = memory;
  const accounts = new Map(observation.accounts.map((account) => [account.accountId, account.fresh]));
  const accountsChanged =
    accounts.size !== memory.accounts.size || [...accounts.keys()].some((id) => !memory.accounts.has(id));
  memory.accounts = accounts;
  const at = ++memory.observations;
  let listed = 0;
  for (const server of observation.servers) {
    const key = server.key ?? serverKey(server.accountId, server.id);
    const known = seen.get(key);
    if (known === undefined) {
      seen.set(key, { server, at });
      dirty.add(key);
      listed++;
      continue;
    }
    if (known.at !== at) listed++;
    known.at = at;
    if (!sameObserved(known.server, server)) dirty.add(key);
    known.server = server;
  }
  if (listed < seen.size) {
    for (const [key, known] of seen) {
      if (known.at === at) continue;
      seen.delete(key);
      dirty.add(key);
    }
  }
  return accountsChanged;
}

/**
 * Brings `watched` in step with the observation: servers of accounts no longer polled are forgotten
 * (with what was learned of them and not stored; only when `accountsChanged`), servers seen for the
 * first time (among `candidates`) are added.
 */
function watchObservation(memory: Memory, accountsChanged: boolean, candidates: Iterable<string>): void {
  const { watched, remembered, accounts, seen } = memory;
  if (accountsChanged) {
    for (const [key, entry] of watched) {
      if (accounts.has(entry.accountId)) continue;
      watched.delete(key);
      memory.touched.add(key);
      memory.restless.delete(key);
    }
    for (const key of remembered.keys()) {
      if (!accounts.has(key.slice(0, key.lastIndexOf(':')))) remembered.delete(key);
    }
  }
  for (const key of candidates) {
    const server = seen.get(key)?.server;
    if (!server || watched.has(key)) continue;
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
  const memory = createMemory();
  const { watched, remembered, seen, dirty, restless, touched } = memory;
  const snapshots = createSnapshotCache();

  const expectationOf = (settings: AlertSettings, key: string): Expectation | undefined =>
    settings.expectations[key] ?? remembered.get(key);

  /** Evaluates one server (it may stop being watched: a server that may stop, gone). */
  function evaluateServer(
    key: string,
    entry: WatchedServer,
    at: Omit<ServerEvaluation, 'key' | 'entry' | 'observed' | 'quiet'>,
    learned: Record<string, Expectation>,
  ): void {
    const { settings, now } = at;
    const observed = seen.get(key)?.server ?? null;
    touched.add(key);
    if (!observed && memory.accounts.get(entry.accountId) !== true) {
      restless.add(key);
      return; // not current: nothing is known of it
    }
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
    const evaluation: ServerEvaluation = { ...at, key, entry, observed, quiet: isPausedAt(settings, key, now) };
    if (expectation === undefined) {
      entry.status = null;
    } else {
      evaluateStatus(evaluation, expectation);
      if (!observed && expectation === 'may-stop') {
        watched.delete(key);
        restless.delete(key);
        return;
      }
    }
    evaluateThresholds(evaluation);
    if (observed) entry.wasBusy = isBusy(observed);
    hardenAndTell(evaluation, settings.holdSeconds * 1000);
    if (isRestless(entry, observed)) restless.add(key);
    else restless.delete(key);
  }

  /**
   * Whether `settings` evaluate every server as the last evaluation's did. Expectations are compared as
   * read (stored, else learned): storing what was learned (withLearned) changes no evaluation, so it does
   * not send every server through again.
   */
  function sameAsEvaluated(settings: AlertSettings): boolean {
    const before = memory.evaluatedWith;
    if (before === null || before === settings) return before === settings;
    if (!sameAlertSettings({ ...before, expectations: settings.expectations }, settings)) return false;
    const [was, now] = [before.expectations, settings.expectations];
    for (const key in now) if (now[key] !== (was[key] ?? remembered.get(key))) return false;
    for (const key in was) if (!(key in now) && was[key] !== remembered.get(key)) return false;
    return true;
  }

  /** Evaluates the servers whose observation changed and the restless ones; every server when `all`. */
  function evaluate(all: boolean, accountsChanged = false): ObserveResult {
    const now = deps.now();
    const settings = deps.settings();
    const everyServer = all || accountsChanged || !sameAsEvaluated(settings);
    memory.evaluatedWith = settings;
    const events: AlertEvent[] = [];
    const learned: Record<string, Expectation> = {};
    watchObservation(memory, accountsChanged, everyServer ? seen.keys() : dirty);
    const at = { settings, now, events };
    // In the order the servers were first seen, as every evaluation goes.
    for (const [key, entry] of watched) {
      if (everyServer || dirty.has(key) || restless.has(key)) evaluateServer(key, entry, at, learned);
    }
    dirty.clear();
    return { events, learned };
  }

  function nextWakeAt(): number | null {
    const settings = deps.settings();
    const now = deps.now();
    const times: number[] = [];
    // Only a restless server has a soft condition.
    for (const key of restless) {
      const entry = watched.get(key);
      for (const cond of entry ? conditionsOf(entry) : []) {
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
      return evaluate(false, takeObservation(memory, observation));
    },
    observeUsage(usage) {
      for (const [key, percents] of usage) {
        const entry = watched.get(key);
        if (!entry) continue;
        entry.usage = percents;
        dirty.add(key);
      }
      return evaluate(false);
    },
    tick: () => evaluate(true),
    acknowledge(key) {
      const entry = watched.get(key);
      let any = false;
      for (const cond of entry ? conditionsOf(entry) : []) {
        if (cond.hardSince !== null && !cond.acknowledged) {
          cond.acknowledged = true;
          any = true;
        }
      }
      touched.add(key);
      return any;
    },
    forget(key) {
      watched.delete(key);
      seen.delete(key);
      dirty.delete(key);
      restless.delete(key);
      touched.add(key);
      remembered.delete(key);
    },
    snapshot() {
      const settings = deps.settings();
      const inputs = {
        watched,
        settings,
        now: deps.now(),
        expectationOf: (key: string) => expectationOf(settings, key),
      };
      return snapshots(inputs, touched);
    },
    nextWakeAt,
  };
}

// The expected-state alert engine: pure, no Electron, no timers of its own (the caller asks `nextWakeAt`
// and calls `tick` then). Each poll is an observation; per server it keeps at most one status deviation
// (stopped / suspended / gone / unknown-status, for a server that should run) and one per usage
// threshold. As in Nagios, a deviation is soft when first seen and turns hard once it has held for the
// hold time; only a hard one is told (one notification) and calls for attention, and its end is told
// once ("back to normal"). A server busy with a power action or in a transitional status starts none.
import type { AlertsSnapshot, Deviation, DeviationKind, ServerAlert } from '../../common/alerts';
import { serverKey } from '../../common/servers';
import type { AlertMute, AlertSettings, AlertThresholds, Expectation } from '../../common/settings';
import { isKnownStatus, isTransitional, type ServerStatus } from '../../common/statuses';

/** A usage threshold clears only below threshold − this, so a value hovering at the line does not flap. */
export const HYSTERESIS_POINTS = 5;

/** Usage of a running server in percent (of the plan's storage and bandwidth for disk and bandwidth). */
export interface UsagePercents {
  cpu: number | null;
  disk: number | null;
  bandwidth: number | null;
}

type Metric = keyof UsagePercents;
const METRICS: readonly Metric[] = ['cpu', 'disk', 'bandwidth'];
const THRESHOLD_OF: Record<Metric, keyof AlertThresholds> = {
  cpu: 'cpuPercent',
  disk: 'diskPercent',
  bandwidth: 'bandwidthPercent',
};

export interface ObservedServer {
  accountId: string;
  id: number;
  name: string;
  status: ServerStatus;
  /** A power action (or another change) is being carried out on it. */
  pending: boolean;
}

export interface AlertObservation {
  /**
   * The accounts with a session. fresh: its last list is current, so a server missing from it is gone.
   * Servers of an account not named here are forgotten silently (the session ended).
   */
  accounts: ReadonlyArray<{ accountId: string; fresh: boolean }>;
  servers: readonly ObservedServer[];
}

export interface AlertEvent {
  type: 'deviation' | 'recovered';
  key: string;
  name: string;
  kind: DeviationKind;
}

export interface AlertEngineDeps {
  now: () => number;
  /** Read at every evaluation, so a change applies at the next one. */
  settings: () => AlertSettings;
}

export interface ObserveResult {
  /** Hard deviations and recoveries to tell (never for a muted server or while the tray is muted). */
  events: AlertEvent[];
  /** Expectations of servers seen for the first time, to remember. */
  learned: Record<string, Expectation>;
}

export interface AlertEngine {
  observe(observation: AlertObservation): ObserveResult;
  /** Usage read for running servers (by key); evaluated with the last observation. */
  observeUsage(usage: ReadonlyMap<string, UsagePercents>): ObserveResult;
  /** Evaluates again with the last observation (a hold time ran out, a mute expired, a setting changed). */
  tick(): ObserveResult;
  /** Calms every hard deviation of the server until its state changes; false when there was none. */
  acknowledge(key: string): boolean;
  /** Forgets a server (deleted from the app): no "gone" deviation for it. */
  forget(key: string): void;
  snapshot(): AlertsSnapshot;
  /** When `tick` can change something next (a soft deviation turns hard, a mute expires); null: never. */
  nextWakeAt(): number | null;
}

interface Condition extends Deviation {
  /** Its deviation was told, so its end is told too. */
  notified: boolean;
}

interface Tracked {
  accountId: string;
  name: string;
  /** The last raw status (`gone` when absent); a change ends acknowledgements. */
  lastStatus: string;
  status: Condition | null;
  metrics: Partial<Record<Metric, Condition>>;
  usage: UsagePercents | null;
  /** Last seen busy (an action in progress): a delete ends with the server gone, which is no deviation. */
  wasBusy: boolean;
}

export function isMuteActive(mute: AlertMute | null | undefined, now: number): boolean {
  return mute !== null && mute !== undefined && (mute.until === null || mute.until > now);
}

function statusDeviation(status: ServerStatus): DeviationKind | null {
  if (status === 'active') return null;
  if (status === 'stopped') return 'stopped';
  if (status === 'suspended') return 'suspended';
  return isKnownStatus(status) ? null : 'unknown-status';
}

const condition = (kind: DeviationKind, now: number, percent?: number): Condition => ({
  kind,
  since: now,
  hardSince: null,
  acknowledged: false,
  notified: false,
  ...(percent === undefined ? {} : { percent }),
});

const mutedAt = (settings: AlertSettings, key: string, now: number) =>
  isMuteActive(settings.muteAll, now) || isMuteActive(settings.serverMutes[key], now);

const publicDeviation = (cond: Condition): Deviation => {
  const { notified: _notified, ...deviation } = cond;
  return deviation;
};

export function createAlertEngine(deps: AlertEngineDeps): AlertEngine {
  const tracked = new Map<string, Tracked>();
  // Learned expectations until the caller has stored them (settings win once they have one).
  const remembered = new Map<string, Expectation>();
  let last: AlertObservation = { accounts: [], servers: [] };

  /** Ends a condition: told as recovered when its deviation was told and the server is not muted. */
  function end(key: string, entry: Tracked, cond: Condition, events: AlertEvent[], quiet: boolean): void {
    if (cond.notified && !quiet) events.push({ type: 'recovered', key, name: entry.name, kind: cond.kind });
  }

  function evaluateStatus(
    key: string,
    entry: Tracked,
    expectation: Expectation,
    observed: ObservedServer | null,
    events: AlertEvent[],
    quiet: boolean,
    now: number,
  ): void {
    const current = entry.status;
    if (expectation === 'may-stop') {
      // The user said it may stop: what was a deviation ends without a "back to normal".
      entry.status = null;
      return;
    }
    if (observed && (observed.pending || isTransitional(observed.status))) {
      // A reboot or start in progress never starts a deviation; one already hard waits for the outcome.
      if (current && current.hardSince === null) entry.status = null;
      return;
    }
    if (!observed && entry.wasBusy) {
      // Gone while an action was in progress (a delete, whose outcome forgets it): wait one more list.
      entry.wasBusy = false;
      return;
    }
    const kind = observed ? statusDeviation(observed.status) : 'gone';
    if (kind === null) {
      if (current) end(key, entry, current, events, quiet);
      entry.status = null;
    } else if (!current) {
      entry.status = condition(kind, now);
    } else if (current.kind !== kind) {
      // Still not running, in another way: the soft clock keeps running; a hard one is told anew.
      entry.status = { ...current, kind, acknowledged: false, notified: false };
    }
  }

  function evaluateMetrics(
    key: string,
    entry: Tracked,
    observed: ObservedServer | null,
    settings: AlertSettings,
    events: AlertEvent[],
    quiet: boolean,
    now: number,
  ): void {
    const own = settings.serverThresholds[key] ?? {};
    const running = observed !== null && observed.status === 'active';
    const busy = observed !== null && (observed.pending || isTransitional(observed.status));
    for (const metric of METRICS) {
      const field = THRESHOLD_OF[metric];
      const threshold = own[field] !== undefined ? own[field] : settings.thresholds[field];
      const current = entry.metrics[metric];
      if (threshold === null || threshold === undefined) {
        delete entry.metrics[metric];
        continue;
      }
      if (busy) {
        // A reboot's CPU spike is no deviation; a hard one waits for the server to settle.
        if (current && current.hardSince === null) delete entry.metrics[metric];
        continue;
      }
      // CPU means something only while running; disk and bandwidth keep their last reading.
      if (metric === 'cpu' && !running) {
        delete entry.metrics[metric];
        continue;
      }
      const value = entry.usage?.[metric];
      if (value === null || value === undefined) continue;
      if (current) {
        if (value < threshold - HYSTERESIS_POINTS) {
          end(key, entry, current, events, quiet);
          delete entry.metrics[metric];
        } else current.percent = value;
      } else if (value >= threshold) {
        entry.metrics[metric] = condition(metric, now, value);
      }
    }
  }

  function evaluate(): ObserveResult {
    const now = deps.now();
    const settings = deps.settings();
    const holdMs = settings.holdSeconds * 1000;
    const events: AlertEvent[] = [];
    const learned: Record<string, Expectation> = {};
    const accounts = new Map(last.accounts.map((account) => [account.accountId, account.fresh]));
    const seen = new Map<string, ObservedServer>();
    for (const server of last.servers) seen.set(serverKey(server.accountId, server.id), server);

    for (const [key, entry] of tracked) {
      if (!accounts.has(entry.accountId)) tracked.delete(key);
    }
    // Learned and not stored (or stored and since removed with the account): an account that is no
    // longer polled takes its learned expectations with it.
    for (const key of remembered.keys()) {
      if (!accounts.has(key.slice(0, key.lastIndexOf(':')))) remembered.delete(key);
    }
    for (const [key, server] of seen) {
      if (tracked.has(key)) continue;
      tracked.set(key, {
        accountId: server.accountId,
        name: server.name,
        lastStatus: server.status,
        status: null,
        metrics: {},
        usage: null,
        wasBusy: false,
      });
    }

    for (const [key, entry] of tracked) {
      const fresh = accounts.get(entry.accountId) === true;
      const observed = seen.get(key) ?? null;
      if (!observed && !fresh) continue; // the list is not current: nothing is known of it
      if (observed) entry.name = observed.name;
      const settled = observed !== null && !observed.pending && !isTransitional(observed.status);
      let expectation = settings.expectations[key] ?? remembered.get(key);
      if (expectation === undefined && settled) {
        // First seen settled: running means it should run; otherwise it may stop. A server first seen
        // busy (being created, rebooting) waits until it settles.
        expectation = observed.status === 'active' ? 'should-run' : 'may-stop';
        learned[key] = expectation;
        remembered.set(key, expectation);
      }
      const statusNow = observed?.status ?? 'gone';
      if (statusNow !== entry.lastStatus) {
        entry.lastStatus = statusNow;
        for (const cond of [entry.status, ...Object.values(entry.metrics)]) if (cond) cond.acknowledged = false;
      }
      const quiet = mutedAt(settings, key, now);
      if (expectation === undefined) {
        entry.status = null;
      } else {
        evaluateStatus(key, entry, expectation, observed, events, quiet, now);
        if (!observed && expectation === 'may-stop') {
          tracked.delete(key);
          continue;
        }
      }
      evaluateMetrics(key, entry, observed, settings, events, quiet, now);
      if (observed) entry.wasBusy = observed.pending || isTransitional(observed.status);

      for (const cond of [entry.status, ...Object.values(entry.metrics)]) {
        if (!cond) continue;
        if (cond.hardSince === null && now - cond.since >= holdMs) cond.hardSince = now;
        if (cond.hardSince !== null && !cond.notified && !quiet) {
          cond.notified = true;
          events.push({ type: 'deviation', key, name: entry.name, kind: cond.kind });
        }
      }
    }
    return { events, learned };
  }

  return {
    observe(observation) {
      last = observation;
      return evaluate();
    },
    observeUsage(usage) {
      for (const [key, percents] of usage) {
        const entry = tracked.get(key);
        if (entry) entry.usage = percents;
      }
      return evaluate();
    },
    tick: evaluate,
    acknowledge(key) {
      const entry = tracked.get(key);
      let any = false;
      for (const cond of entry ? [entry.status, ...Object.values(entry.metrics)] : []) {
        if (cond && cond.hardSince !== null && !cond.acknowledged) {
          cond.acknowledged = true;
          any = true;
        }
      }
      return any;
    },
    forget(key) {
      tracked.delete(key);
      last = { ...last, servers: last.servers.filter((server) => serverKey(server.accountId, server.id) !== key) };
      remembered.delete(key);
    },
    snapshot() {
      const settings = deps.settings();
      const now = deps.now();
      const servers: Record<string, ServerAlert> = {};
      const attention: string[] = [];
      for (const [key, entry] of tracked) {
        const deviations = [entry.status, ...METRICS.map((metric) => entry.metrics[metric])]
          .filter((cond): cond is Condition => cond !== null && cond !== undefined)
          .map(publicDeviation);
        const mute = settings.serverMutes[key];
        servers[key] = {
          key,
          name: entry.name,
          expectation: settings.expectations[key] ?? remembered.get(key) ?? 'may-stop',
          deviations,
          mute: isMuteActive(mute, now) ? (mute ?? null) : null,
          thresholds: settings.serverThresholds[key] ?? {},
        };
        if (!mutedAt(settings, key, now) && deviations.some((d) => d.hardSince !== null && !d.acknowledged)) {
          attention.push(key);
        }
      }
      return {
        servers,
        muteAll: isMuteActive(settings.muteAll, now) ? settings.muteAll : null,
        attention,
      };
    },
    nextWakeAt() {
      const settings = deps.settings();
      const now = deps.now();
      const times: number[] = [];
      for (const entry of tracked.values()) {
        for (const cond of [entry.status, ...Object.values(entry.metrics)]) {
          if (cond && cond.hardSince === null) times.push(cond.since + settings.holdSeconds * 1000);
        }
      }
      for (const mute of [settings.muteAll, ...Object.values(settings.serverMutes)]) {
        if (mute?.until !== null && mute?.until !== undefined && mute.until > now) times.push(mute.until);
      }
      return times.length > 0 ? Math.min(...times) : null;
    },
  };
}

// The history of one profile, put together: the recorder's batches written after the poll's synchronous
// work (one append per batch), the store (store.ts, or memory-store.ts without a folder), the marks that
// survive a restart (marks.ts), the retention from the `historyKeepDays` setting (0: nothing recorded,
// the file removed), and the answers (queries.ts) with names looked up when asked.
import { renameSync } from 'node:fs';
import type { HistoryDigest, HistoryKeepDays, ServerHistory } from '../../common/history';
import type { ExportRequest } from '../../common/contract';
import type { ServerRef } from '../../common/servers';
import type { Log } from '../app-log';
import type { Names } from './entries';
import type { HistoryEvent } from './events';
import type { ExportFile } from './export';
import { errorCode } from './files';
import { createMarksFile, createMemoryMarks, type HistoryMarks } from './marks';
import { createMemoryHistoryStore } from './memory-store';
import { digestOf, exportOf, fleetUptime, serverHistory, type FleetUptime, type QueryContext } from './queries';
import { createRecorder, type Recorder } from './recorder';
import { createHistoryStore, type HistoryStore } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the app writes that it is still running (the next start's "not running" gap begins there). */
const HEARTBEAT_MS = 5 * 60 * 1000;
const UPTIME_CACHE_MS = 10 * 60 * 1000;
const UPTIME_STALE_MS = 60 * 1000;

export interface HistoryDeps {
  /** `<userData>/history`; null keeps it in memory only. */
  directory: string | null;
  now: () => number;
  log: Log;
  keepDays: () => HistoryKeepDays;
  names: Names;
  /** The servers in the list now (the tooltip's fleet). */
  servers: () => ServerRef[];
  /** New events were written for these servers. */
  onRecorded: (refs: ServerRef[]) => void;
  /** Runs a task after the current synchronous work (default setImmediate); tests pass their own. */
  defer?: (task: () => void) => void;
}

export interface History {
  recorder: Recorder;
  start(): void;
  stop(): void;
  /** Writes the recorded batch now (also done by itself after each observation). */
  flush(): void;
  popupShown(): void;
  popupHidden(): void;
  digest(): HistoryDigest | null;
  dismissDigest(): void;
  server(ref: ServerRef): ServerHistory;
  exportOf(request: ExportRequest): ExportFile;
  clear(): void;
  removeAccount(accountId: string): void;
  /** The setting changed: applies the retention, or turns the history off (the file removed). */
  keepDaysChanged(): void;
  /** The fleet's last 7 days, computed again only after new events. */
  fleetUptime(): FleetUptime;
  /** Calls `listener` after new events were written. */
  onWritten(listener: () => void): void;
  /** Every kept event, oldest first (diagnostics). */
  events(): HistoryEvent[];
  /** The file's size in bytes. */
  size(): number;
}

/** Each server's last status in `events` (oldest first), by server key. */
function lastStatuses(events: readonly HistoryEvent[]): Array<readonly [string, string]> {
  const statuses = new Map<string, string>();
  for (const event of events)
    if (event.kind === 'status') statuses.set(`${event.accountId}:${event.serverId}`, event.to);
  return [...statuses];
}

/**
 * The recorder whose observations each ask for a flush after the synchronous work that made them (a
 * poll's); a fleet's delta is seen only once the last statuses are known (`seed`).
 */
function flushingAfter(recorder: Recorder, seed: () => void, queueFlush: () => void): Recorder {
  const queued =
    <A extends unknown[]>(observe: (...args: A) => void) =>
    (...args: A) => {
      observe(...args);
      queueFlush();
    };
  return {
    ...recorder,
    fleetChanged: queued((delta) => {
      seed();
      recorder.fleetChanged(delta);
    }),
    alertsChanged: queued(recorder.alertsChanged),
    actionStarted: queued(recorder.actionStarted),
    actionFinished: queued(recorder.actionFinished),
    resumed: queued(recorder.resumed),
  };
}

/** The file store and marks in `directory`, or both in memory without one. */
function openStorage(deps: HistoryDeps, retentionMs: number, scheduleCompaction: (task: () => void) => void) {
  const { directory, now, log } = deps;
  if (directory === null) return { store: createMemoryHistoryStore(now, retentionMs), marksFile: createMemoryMarks() };
  return {
    store: createHistoryStore({ directory, retentionMs, now, log, scheduleCompaction }),
    marksFile: createMarksFile(directory, log, renameSync),
  };
}

export function createHistory(deps: HistoryDeps): History {
  const { now, log } = deps;
  const defer = deps.defer ?? ((task) => void setImmediate(task));
  const retention = () => Math.max(1, deps.keepDays()) * DAY_MS;
  /** After stop() nothing is written: the profile may be gone (a self-test removes its own). */
  let stopped = false;
  const whileRunning = (task: () => void) => defer(() => void (stopped || task()));
  const { store, marksFile } = openStorage(deps, retention(), whileRunning);
  const recorder = createRecorder(now);
  const off = () => deps.keepDays() === 0;

  let marks: HistoryMarks = {};
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let flushQueued = false;
  let startedAt: number | null = null;
  /** From the last run's last sign of life until this run's first poll: not watched (in the file after it). */
  let notRunningFrom: number | null = null;
  let opening: { since: number | null; at: number; dismissed: boolean } | null = null;
  /** The fleet's uptime as last computed; `stale`: events were written since. */
  let uptimeCache: { at: number; value: FleetUptime; stale: boolean } | null = null;
  const written = new Set<() => void>();

  const saveMarks = (next: HistoryMarks) => {
    marks = next;
    if (!off() && !stopped) marksFile.write(marks);
  };

  function flush(): void {
    flushQueued = false;
    const batch = recorder.take();
    if (batch.length === 0 || off() || stopped) return;
    if (batch.some((event) => event.kind === 'gap' && event.reason === 'closed')) notRunningFrom = null;
    store.appendBatch(batch);
    if (uptimeCache) uptimeCache.stale = true;
    const refs = new Map<string, ServerRef>();
    for (const event of batch)
      if (event.serverId !== undefined)
        refs.set(`${event.accountId}:${event.serverId}`, { accountId: event.accountId, id: event.serverId });
    if (refs.size > 0) deps.onRecorded([...refs.values()]);
    for (const listener of written) listener();
  }

  /** Each server's last recorded status, from the file once (`events` when just read), before the first delta is observed. */
  let seeded = false;
  const seed = (events?: readonly HistoryEvent[]) => {
    if (seeded || off()) return;
    seeded = true;
    recorder.seedStatuses(lastStatuses(events ?? store.read()));
  };
  const queuedRecorder = flushingAfter(recorder, seed, () => {
    if (flushQueued) return;
    flushQueued = true;
    defer(flush);
  });

  const context = (): QueryContext => ({
    now: now(),
    names: deps.names,
    unwatchedNow: notRunningFrom === null ? [] : [{ from: notRunningFrom, until: now() }],
    off: off(),
  });
  const read = (filter?: Parameters<HistoryStore['read']>[0]) => {
    flush();
    return off() ? [] : store.read(filter);
  };

  return {
    recorder: queuedRecorder,
    start() {
      marks = marksFile.read();
      startedAt = now();
      // Written only while the history is on (saveMarks), so turning it on later needs nothing more.
      heartbeat = setInterval(() => saveMarks({ ...marks, lastSeenAt: now() }), HEARTBEAT_MS);
      heartbeat.unref?.();
      if (off()) {
        store.clear();
        return;
      }
      // After the start's work, one read: the day's compaction (so not due at the first append), whose
      // kept events give the last statuses (null: the file could not be read; seed reads it again).
      whileRunning(() => seed(store.compact() ?? undefined));
      if (marks.lastSeenAt !== undefined && marks.lastSeenAt < startedAt) {
        notRunningFrom = marks.lastSeenAt;
        recorder.notRunningSince(marks.lastSeenAt);
      }
      saveMarks({ ...marks, lastSeenAt: startedAt });
    },
    stop() {
      if (heartbeat !== null) clearInterval(heartbeat);
      heartbeat = null;
      flush();
      if (startedAt !== null) saveMarks({ ...marks, lastSeenAt: now() });
      stopped = true;
    },
    flush,
    popupShown() {
      opening = { since: marks.lastClosedAt ?? null, at: now(), dismissed: false };
    },
    popupHidden() {
      opening = null;
      saveMarks({ ...marks, lastClosedAt: now() });
    },
    digest() {
      const since = opening ? opening.since : (marks.lastClosedAt ?? null);
      if (since === null || opening?.dismissed || off()) return null;
      return digestOf(read({ since }), since, opening?.at ?? now(), deps.names);
    },
    dismissDigest() {
      if (opening) opening.dismissed = true;
      else saveMarks({ ...marks, lastClosedAt: now() });
    },
    server: (ref) => serverHistory(read(), ref, context()),
    exportOf: (request) => exportOf(read(), request, deps.names),
    clear() {
      recorder.take();
      store.clear();
      uptimeCache = null;
    },
    removeAccount(accountId) {
      recorder.forgetAccount(accountId);
      uptimeCache = null;
      try {
        store.removeAccount(accountId);
      } catch (error) {
        log('warn', `History: could not forget a removed account's events (${errorCode(error)}).`);
      }
    },
    keepDaysChanged() {
      uptimeCache = null;
      if (off()) {
        recorder.take();
        store.clear();
        return;
      }
      store.setRetention(retention());
      whileRunning(() => store.compact());
    },
    fleetUptime() {
      // It reads the whole file: computed again after new events at most once a minute (the tooltip may
      // lag a change by that), and every 10 minutes as the window moves.
      const age = uptimeCache === null ? Infinity : now() - uptimeCache.at;
      if (age >= UPTIME_CACHE_MS || (uptimeCache?.stale && age >= UPTIME_STALE_MS))
        uptimeCache = { at: now(), value: fleetUptime(read(), deps.servers(), context()), stale: false };
      return uptimeCache!.value;
    },
    onWritten: (listener) => void written.add(listener),
    events: () => read(),
    size: () => store.size(),
  };
}

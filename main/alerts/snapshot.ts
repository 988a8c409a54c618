// The engine's snapshot, kept between evaluations: each server's public alert is built again only when
// that server was evaluated (or the settings or a pause's end changed what it shows), and an unchanged
// one keeps its object, so a snapshot with nothing new is the very same object as the last one.
import type { AlertsSnapshot, ServerAlert } from '../../common/alerts';
import type { AlertPause, AlertSettings, AlertThresholds, Expectation } from '../../common/settings';
import { conditionsOf, type Condition, type WatchedServer } from './conditions';
import { isPauseActive, isPausedAt } from './pauses';

const samePause = (a: AlertPause | null | undefined, b: AlertPause | null | undefined): boolean =>
  a === b || (a !== null && a !== undefined && b !== null && b !== undefined && a.until === b.until);

const sameThresholds = (a: Partial<AlertThresholds> | undefined, b: Partial<AlertThresholds> | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.cpuPercent === b.cpuPercent &&
    a.diskPercent === b.diskPercent &&
    a.bandwidthPercent === b.bandwidthPercent &&
    Object.keys(a).length === Object.keys(b).length);

function sameRecord<T>(a: Record<string, T>, b: Record<string, T>, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const other = b[key];
    if (other === undefined || !same(a[key]!, other)) return false;
  }
  return true;
}

/** Whether two readings of the alert settings say the same (a store may hand out a new copy each time). */
export function sameAlertSettings(a: AlertSettings | null, b: AlertSettings): boolean {
  if (a === b) return true;
  return (
    a !== null &&
    a.holdSeconds === b.holdSeconds &&
    sameThresholds(a.thresholds, b.thresholds) &&
    samePause(a.pauseAll, b.pauseAll) &&
    sameRecord(a.expectations, b.expectations, (x, y) => x === y) &&
    sameRecord(a.serverPauses, b.serverPauses, samePause) &&
    sameRecord(a.serverThresholds, b.serverThresholds, sameThresholds)
  );
}

const publicDeviation = ({ notified: _notified, ...deviation }: Condition) => deviation;

const sameDeviations = (a: ServerAlert['deviations'], b: ServerAlert['deviations']): boolean =>
  a.length === b.length &&
  a.every((x, index) => {
    const y = b[index]!;
    return (
      x.kind === y.kind &&
      x.since === y.since &&
      x.hardSince === y.hardSince &&
      x.acknowledged === y.acknowledged &&
      x.percent === y.percent
    );
  });

interface PublicEntry {
  alert: ServerAlert;
  attention: boolean;
}

const sameEntry = (a: PublicEntry, b: PublicEntry): boolean =>
  a.attention === b.attention &&
  a.alert.name === b.alert.name &&
  a.alert.expectation === b.alert.expectation &&
  samePause(a.alert.pause, b.alert.pause) &&
  sameThresholds(a.alert.thresholds, b.alert.thresholds) &&
  sameDeviations(a.alert.deviations, b.alert.deviations);

export interface SnapshotInputs {
  watched: ReadonlyMap<string, WatchedServer>;
  settings: AlertSettings;
  now: number;
  expectationOf(key: string): Expectation | undefined;
}

function entryOf(inputs: SnapshotInputs, key: string, entry: WatchedServer): PublicEntry {
  const { settings, now } = inputs;
  const deviations = conditionsOf(entry).map(publicDeviation);
  const pause = settings.serverPauses[key];
  const alert: ServerAlert = {
    key,
    name: entry.name,
    expectation: inputs.expectationOf(key) ?? 'may-stop',
    deviations,
    pause: isPauseActive(pause, now) ? (pause ?? null) : null,
    thresholds: settings.serverThresholds[key] ?? {},
  };
  const attention = !isPausedAt(settings, key, now) && deviations.some((d) => d.hardSince !== null && !d.acknowledged);
  return { alert, attention };
}

/** When the first pause on now ends (infinity: none ends). */
function pauseEnd(settings: AlertSettings, now: number): number {
  let end = Number.POSITIVE_INFINITY;
  for (const pause of [settings.pauseAll, ...Object.values(settings.serverPauses)]) {
    if (pause?.until !== null && pause?.until !== undefined && pause.until > now) end = Math.min(end, pause.until);
  }
  return end;
}

/**
 * `snapshot(inputs, touched)`: the snapshot, built again for the servers in `touched` (evaluated or
 * forgotten since the last call; cleared here), or for every server when the settings changed or a pause
 * it shows has ended.
 */
export function createSnapshotCache() {
  const entries = new Map<string, PublicEntry>();
  let current: AlertsSnapshot = { servers: {}, pauseAll: null, attention: [] };
  let builtWith: AlertSettings | null = null;
  /** When a pause the snapshot shows as on ends: it must be built again from then. */
  let validUntil = Number.POSITIVE_INFINITY;

  /** Builds the entry of `key` again; true when what it shows changed. */
  function refresh(inputs: SnapshotInputs, key: string): boolean {
    const entry = inputs.watched.get(key);
    if (!entry) return entries.delete(key);
    const next = entryOf(inputs, key, entry);
    const before = entries.get(key);
    if (before && sameEntry(before, next)) return false;
    entries.set(key, next);
    return true;
  }

  return function snapshot(inputs: SnapshotInputs, touched: Set<string>): AlertsSnapshot {
    const { settings, now, watched } = inputs;
    const all = now >= validUntil || !sameAlertSettings(builtWith, settings);
    let changed = false;
    if (all) {
      for (const key of watched.keys()) if (refresh(inputs, key)) changed = true;
      for (const key of entries.keys()) if (!watched.has(key) && entries.delete(key)) changed = true;
      validUntil = pauseEnd(settings, now);
    } else {
      for (const key of touched) if (refresh(inputs, key)) changed = true;
    }
    builtWith = settings;
    touched.clear();
    const pauseAll = isPauseActive(settings.pauseAll, now) ? settings.pauseAll : null;
    if (!changed && samePause(pauseAll, current.pauseAll)) return current;
    const servers: Record<string, ServerAlert> = {};
    const attention: string[] = [];
    for (const [key, entry] of entries) {
      servers[key] = entry.alert;
      if (entry.attention) attention.push(key);
    }
    current = { servers, pauseAll, attention };
    return current;
  };
}

// The app's verdict on a server and the trouble-first order built on it, the same in the tray menu and
// the popup's list (and the colour of the popup's status badge).
import type { AlertsSnapshot } from './alerts';
import { isTransitional, type ServerStatus } from './statuses';

/**
 * How far a server is from what the user expects, as the alerts engine says:
 * confirmed: a hard deviation nobody acknowledged or paused (it calls for attention);
 * unconfirmed: a deviation still within its hold time, acknowledged or paused;
 * null: none (a stopped or suspended server that may be stopped is as expected).
 */
export type DeviationLevel = 'confirmed' | 'unconfirmed' | null;

/** attention: a confirmed deviation; unsettled: an action in progress or an unconfirmed deviation; calm: the rest. */
export type Verdict = 'attention' | 'unsettled' | 'calm';

/** The verdicts in the order the list and the tray menu show them. */
const VERDICTS: readonly Verdict[] = ['attention', 'unsettled', 'calm'];

export interface VerdictInputs {
  status: ServerStatus;
  /** An action the app sent is pending on it. */
  pending: boolean;
  deviation: DeviationLevel;
}

export function verdictOf({ status, pending, deviation }: VerdictInputs): Verdict {
  if (deviation === 'confirmed') return 'attention';
  if (pending || isTransitional(status) || deviation === 'unconfirmed') return 'unsettled';
  return 'calm';
}

/**
 * Reads the alerts snapshot once for many servers: server key -> its deviation level. Without a
 * snapshot (not loaded yet, or no alerts) nothing deviates.
 */
export function deviationLevels(snapshot: AlertsSnapshot | undefined): (key: string) => DeviationLevel {
  if (!snapshot) return () => null;
  const attention = new Set(snapshot.attention);
  return (key) => {
    if (attention.has(key)) return 'confirmed';
    return (snapshot.servers[key]?.deviations.length ?? 0) > 0 ? 'unconfirmed' : null;
  };
}

/** What the order looks at: the verdict's inputs, the name, a tiebreak. */
export interface TroubleSortable {
  status: ServerStatus;
  pending: boolean;
  /** Absent: nothing known of its alerts (as expected). */
  deviation?: DeviationLevel;
  name: string;
  /** Unique and stable (the server's key), so equal entries never swap between two sorts. */
  key: string;
}

/** Sort rank of a verdict: attention (0), unsettled (1), calm (2). */
export function troubleRank(entry: Pick<TroubleSortable, 'status' | 'pending' | 'deviation'>): number {
  return VERDICTS.indexOf(
    verdictOf({ status: entry.status, pending: entry.pending, deviation: entry.deviation ?? null }),
  );
}

const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** By name as people read it (web-2 before web-10), then by key. */
export function compareByName(a: Pick<TroubleSortable, 'name' | 'key'>, b: Pick<TroubleSortable, 'name' | 'key'>) {
  return nameCollator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Trouble first by the app's verdict, then by name, then by key. */
export function compareTroubleFirst(a: TroubleSortable, b: TroubleSortable): number {
  return troubleRank(a) - troubleRank(b) || compareByName(a, b);
}

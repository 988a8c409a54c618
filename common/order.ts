// The trouble-first order of servers, the same in the tray menu and the popup's list.
import { isTransitional, type ServerStatus } from './statuses';

/** What the order looks at: a server's status, whether an action on it is in flight, its name, a tiebreak. */
export interface TroubleSortable {
  status: ServerStatus;
  /** An action on it is being carried out: it sorts with the busy ones. */
  busy: boolean;
  name: string;
  /** Unique and stable (the server's key), so equal entries never swap between two sorts. */
  key: string;
}

/**
 * Sort rank, trouble first: suspended, unknown and stopped (0), then transitional or with an action
 * in flight (1), then running (2).
 */
export function troubleRank(status: ServerStatus, busy = false): number {
  const rank = status === 'active' ? 2 : isTransitional(status) ? 1 : 0;
  return busy ? Math.min(1, rank) : rank;
}

const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Trouble first, then by name as people read it (web-2 before web-10), then by key. */
export function compareTroubleFirst(a: TroubleSortable, b: TroubleSortable): number {
  return (
    troubleRank(a.status, a.busy) - troubleRank(b.status, b.busy) ||
    nameCollator.compare(a.name, b.name) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

// The history in a diagnostics report: how much is kept (events per kind, the file's size) always; the
// last events, named, only when the user ticked "Include server names" (the events themselves hold ids
// only, the names are looked up as the report is made).
import type { HistoryEntry } from '../../common/history';
import { entriesOf, type Names } from '../history/entries';
import type { HistoryEvent } from '../history/events';

/** How many of the newest entries a report with names lists. */
const RECENT_ENTRIES = 20;

export interface HistorySources {
  events(): HistoryEvent[];
  /** The file's size in bytes. */
  size(): number;
  names: Names;
}

export interface HistoryFacts {
  keepDays: number;
  total: number;
  byKind: Record<HistoryEvent['kind'], number>;
  bytes: number;
  /** Newest first; empty unless names are included. */
  recent: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function entryLine(entry: HistoryEntry): string {
  const until = 'until' in entry && entry.until !== null ? ` until ${iso(entry.until)}` : '';
  switch (entry.kind) {
    case 'status':
      return `${iso(entry.at)} status ${entry.name ?? `#${entry.ref.id}`}: ${entry.from ?? 'first seen'} -> ${entry.to}${until}`;
    case 'action':
      return `${iso(entry.at)} ${entry.action} ${entry.name ?? `#${entry.ref.id}`} from the ${entry.source}: ${entry.outcome}${entry.tookMs === null ? '' : ` (${entry.tookMs} ms)`}`;
    case 'alert':
      return `${iso(entry.at)} alert ${entry.alert} (${entry.severity}) ${entry.name ?? `#${entry.ref.id}`}${until}`;
    case 'account':
      return `${iso(entry.at)} account ${entry.label ?? entry.accountId} failing: ${entry.failure}${until}`;
    case 'gap':
      return `${iso(entry.at)} not watching (${entry.reason})${until}`;
  }
}

export function historyFacts(sources: HistorySources, keepDays: number, includeNames: boolean): HistoryFacts {
  const events = sources.events();
  const byKind: HistoryFacts['byKind'] = { status: 0, action: 0, alert: 0, account: 0, gap: 0 };
  for (const event of events) byKind[event.kind] += 1;
  const recent = includeNames ? entriesOf(events, sources.names).slice(0, RECENT_ENTRIES).map(entryLine) : [];
  return { keepDays, total: events.length, byKind, bytes: sources.size(), recent };
}

/** The report's lines of the history. */
export function historyLines(facts: HistoryFacts): string[] {
  if (facts.keepDays === 0) return ['History: off'];
  const kinds = Object.entries(facts.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const lines = [`History: ${facts.keepDays} days kept, ${facts.total} events (${kinds}), ${facts.bytes} bytes`];
  if (facts.recent.length > 0) lines.push(`Recent history (${facts.recent.length}):`, ...facts.recent);
  return lines;
}

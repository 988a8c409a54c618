// The history kept in memory only: where the core runs without a profile folder (the end-to-end harness,
// tests that do not look at the file). Same contract as the file store (store.ts), nothing on disk.
import { readHistoryEvent, type HistoryEvent } from './events';
import { matchesFilter, type HistoryStore } from './store';

export function createMemoryHistoryStore(now: () => number, retentionMs: number): HistoryStore {
  let events: HistoryEvent[] = [];
  let retention = retentionMs;
  const kept = () => events.filter((event) => event.at >= now() - retention);
  const appendBatch = (batch: readonly HistoryEvent[]) => {
    const checked = batch.map(readHistoryEvent).filter((event) => event !== null);
    events.push(...checked);
    return checked.length === batch.length;
  };
  return {
    append: (event) => appendBatch([event]),
    appendBatch,
    setRetention: (ms) => void (retention = ms),
    size: () => 0,
    read: (filter = {}) =>
      kept()
        .filter(matchesFilter(filter))
        .toSorted((a, b) => a.at - b.at),
    compact: () => (events = kept()),
    clear: () => void (events = []),
    removeAccount: (accountId) => void (events = events.filter((event) => event.accountId !== accountId)),
  };
}

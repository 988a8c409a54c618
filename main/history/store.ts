// The history of one app profile: a local, append-only, crash-safe store of events (events.ts).
//
// JSON lines, not `node:sqlite`: Electron 45 runs Node 22.20, where `node:sqlite` is out from behind
// `--experimental-sqlite` (since 22.13 / 23.4) but still experimental (Stability 1.1, nodejs/node#55890),
// so its API may change under a minor Electron update; lines need no native module and have the simplest
// crash story, and measured appends fit a poll (bench: history.append.5000changes.ms). An append is one write of one line at the end of the
// file; a crash can tear only that last line, which the reader skips (lines.ts), and the next append
// starts on a fresh line, so nothing else is lost. Every other change (retention, size cap, removing an
// account) is a compaction: the kept lines are written to a temp file and renamed over the file
// (files.ts), so a crash leaves the old file or the new one, whole.
//
// Bounded: events older than the retention (90 days by default) and, past the size cap, the oldest ones
// are dropped when the file is compacted: when an append takes it over the cap, and at most once a day
// otherwise. The folder is the store's own (the app passes `<userData>/history`, beside settings.json),
// kept 0700, the file 0600. One process per profile (the app's single-instance lock) writes it.
//
// Never fatal: append, read and compaction log a warning and carry on (the history is a convenience);
// clear and removeAccount throw, so a caller knows when something the user asked to forget is still
// there. Log lines carry counts and error codes only: never a server's name or address, nor a path.
import { appendFileSync, chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../app-log';
import { readHistoryEvent, type HistoryEvent } from './events';
import { FILE_MODE, ensureFolder, errorCode, writeAtomically, type Rename } from './files';
import { parseLines, toLine } from './lines';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RETENTION_MS = 90 * DAY_MS;
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
/** A compaction forced by the size cap keeps at most this share of it, so the next one is not one line away. */
const SIZE_CAP_KEEPS = 0.75;
export const HISTORY_FILE = 'events.jsonl';

export interface HistoryStoreOptions {
  /** The store's own folder (made when missing, kept 0700). */
  directory: string;
  /** How long an event is kept. */
  retentionMs?: number;
  /** The file's size past which the oldest events are dropped. */
  maxBytes?: number;
  now?: () => number;
  log?: Log;
  /** The temp file's rename over the file (a test fails it to play a crash between write and rename). */
  rename?: Rename;
  /**
   * Runs a compaction an append found due: the app's history defers it past the poll's work (history.ts).
   * Default: at once, inside the append.
   */
  scheduleCompaction?: (compact: () => void) => void;
}

interface HistoryFilter {
  accountId?: string;
  serverId?: number;
  /** Only events at or after this time (ms since the epoch). */
  since?: number;
}

export interface HistoryStore {
  /** Adds one event; false (and a warning) when it is not a valid event or could not be written. */
  append(event: HistoryEvent): boolean;
  /** Adds a poll's events in one write; false when they could not be written (a wrong one is left out). */
  appendBatch(events: readonly HistoryEvent[]): boolean;
  /** How long an event is kept from now on (the setting changed); the next compaction applies it. */
  setRetention(ms: number): void;
  /** The file's size in bytes (0 when there is none). */
  size(): number;
  /** The kept events that match, oldest first. */
  read(filter?: HistoryFilter): HistoryEvent[];
  /**
   * Drops what retention and the size cap no longer keep (also done by `append` when due). Returns the
   * events kept, in the file's order, or null when the file could not be read or rewritten.
   */
  compact(): HistoryEvent[] | null;
  /** Forgets everything. Throws when the file could not be removed. */
  clear(): void;
  /** Forgets one account's events. Throws when the file could not be rewritten. */
  removeAccount(accountId: string): void;
}

export const matchesFilter = (filter: HistoryFilter) => (event: HistoryEvent) =>
  (filter.accountId === undefined || event.accountId === filter.accountId) &&
  (filter.serverId === undefined || event.serverId === filter.serverId) &&
  (filter.since === undefined || event.at >= filter.since);

export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const { directory } = options;
  let retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? Date.now;
  const log: Log = options.log ?? ((level, message) => console[level](message));
  const rename = options.rename ?? renameSync;
  const scheduleCompaction = options.scheduleCompaction ?? ((task) => task());
  let compactionScheduled = false;
  const path = join(directory, HISTORY_FILE);

  /** What is known of the file since it was last looked at; null: look again before the next write. */
  let file: { size: number; endsWithNewline: boolean } | null = null;
  let lastCompaction = Number.NEGATIVE_INFINITY;

  function prepared(): { size: number; endsWithNewline: boolean } {
    if (file !== null) return file;
    ensureFolder(directory);
    if (!existsSync(path)) return (file = { size: 0, endsWithNewline: true });
    chmodSync(path, FILE_MODE);
    const size = statSync(path).size;
    // A file that does not end with a newline ends with a torn line: the next append starts a new one.
    return (file = { size, endsWithNewline: size === 0 || readFileSync(path).at(-1) === 0x0a });
  }

  function readText(): string {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return '';
      throw error;
    }
  }

  /** Rewrites the file with the events `keep` keeps, within retention and the size cap; atomic. Returns them. */
  function rewrite(keep: (event: HistoryEvent) => boolean): HistoryEvent[] {
    prepared();
    const { events, skipped } = parseLines(readText());
    const cutoff = now() - retentionMs;
    const wanted = events.filter((event) => event.at >= cutoff && keep(event));
    const lines = wanted.map(toLine);
    let bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    let first = 0;
    if (bytes > maxBytes)
      while (first < lines.length && bytes > maxBytes * SIZE_CAP_KEEPS) bytes -= Buffer.byteLength(lines[first++]!);
    const kept = lines.slice(first);
    const keptEvents = wanted.slice(first);
    if (kept.length === events.length && skipped === 0 && file?.endsWithNewline) return keptEvents;
    file = null;
    writeAtomically(path, kept.join(''), rename);
    file = { size: bytes, endsWithNewline: true };
    const dropped = events.length - kept.length;
    if (dropped > 0 || skipped > 0)
      log('info', `History compacted: ${dropped} events dropped, ${skipped} unreadable lines.`);
    return keptEvents;
  }

  function compact(): HistoryEvent[] | null {
    lastCompaction = now();
    try {
      return rewrite(() => true);
    } catch (error) {
      log('warn', `History: could not compact the file (${errorCode(error)}); it is kept as it was.`);
      return null;
    }
  }

  function appendBatch(events: readonly HistoryEvent[]): boolean {
    const checked = events.map(readHistoryEvent).filter((event) => event !== null);
    if (checked.length < events.length) log('warn', 'History: an event that is not valid was not written.');
    if (checked.length === 0) return false;
    try {
      const known = prepared();
      const text = (known.endsWithNewline ? '' : '\n') + checked.map(toLine).join('');
      file = null;
      appendFileSync(path, text, { mode: FILE_MODE });
      file = { size: known.size + Buffer.byteLength(text), endsWithNewline: true };
    } catch (error) {
      log('warn', `History: could not write an event (${errorCode(error)}).`);
      return false;
    }
    if ((file.size > maxBytes || now() - lastCompaction >= DAY_MS) && !compactionScheduled) {
      compactionScheduled = true;
      scheduleCompaction(() => {
        compactionScheduled = false;
        compact();
      });
    }
    return checked.length === events.length;
  }

  function fileSize(): number {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  }

  function read(filter: HistoryFilter = {}): HistoryEvent[] {
    let text: string;
    try {
      text = readText();
    } catch (error) {
      log('warn', `History: could not read the file (${errorCode(error)}).`);
      return [];
    }
    const cutoff = now() - retentionMs;
    const wanted = matchesFilter(filter);
    return parseLines(text)
      .events.filter((event) => event.at >= cutoff && wanted(event))
      .toSorted((a, b) => a.at - b.at);
  }

  function clear(): void {
    file = null;
    rmSync(path, { force: true });
    rmSync(`${path}.tmp`, { force: true });
    log('info', 'History cleared.');
  }

  function removeAccount(accountId: string): void {
    rewrite((event) => event.accountId !== accountId);
  }

  return {
    append: (event) => appendBatch([event]),
    appendBatch,
    setRetention: (ms) => void (retentionMs = ms),
    size: fileSize,
    read,
    compact,
    clear,
    removeAccount,
  };
}

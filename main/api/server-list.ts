// GET /servers/: the whole list, every page followed, read tolerantly.
// - A server needs only a usable id and status. A list entry without them is skipped, counted
//   (`ServerList.skipped`) and logged once; it never hides the others.
// - A `next` page must have the base URL's origin: the token is never sent anywhere but the configured API.
// - A poll asks for the whole list again and again, and mostly nothing changed: a page whose bytes are the
//   same as at the last unfiltered list is neither decoded nor parsed again (its servers, never mutated,
//   are reused), and when every page is, the list is the very same ServerList as the last one (never
//   mutated either), so a caller can tell "nothing changed" by identity.
// - The list may change while its pages are read (a server created or deleted shifts the rest across the
//   page boundaries): a server met on two pages is listed once, with its later reading; and a list whose
//   pages disagree on `count`, or that holds fewer servers than it said, comes back `unsettled` (a server
//   may have slid onto a page already read), so that nobody takes one missing from it for gone.
// - Reading a large list never holds the main thread (the tray, IPC) for long: each page is read as it
//   comes in, its entries in chunks of READ_CHUNK, and the event loop gets a turn (setImmediate) between
//   chunks and after each page. Pages are still read one after the other, in order.
import { Buffer } from 'node:buffer';
import { VpsApiError } from './errors';
import { safeHost } from './http';
import { jsonOfRead, purpose, signalOf, unexpectedAnswer, type RequestOptions } from './answers';
import { readListPage, readServer, readServerId, type ServerList } from './schemas';
import { isRecord } from '../../common/rules';
import type { Server, ServerFilter } from '../../common/servers';
import type { Log } from '../app-log';
import type { Call, RawResponse } from './call';
import type { Transport } from './transport';

const DEFAULT_MAX_PAGES = 100;
/** List entries read between two turns of the event loop. */
const READ_CHUNK = 100;

/** Lets timers, I/O and IPC run before the rest of a list is read. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Distinct skipped-entry problems remembered, so each is logged once without the memory growing. */
const MAX_LOGGED_PROBLEMS = 100;

export interface ServerListOptions {
  /** Most list pages followed. Default 100. */
  maxPages?: number;
  /** Where a skipped list entry is noted (once per distinct problem). Never given the token. */
  log?: Log;
}

/** One page of the server list as read. */
interface ListPageRead {
  count: number | null;
  next: string | null;
  servers: Server[];
  skipped: number;
}

interface RememberedPage {
  bytes: Uint8Array;
  page: ListPageRead;
}

export type ListServers = (filter?: ServerFilter, options?: RequestOptions) => Promise<ServerList>;

/** `listServers` with its memory: the last unfiltered list's pages and the problems already logged. */
export function createServerList(transport: Transport, options: ServerListOptions = {}): ListServers {
  const maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);

  const loggedProblems = new Set<string>();
  /** Each distinct problem once: the same odd entry comes back with every poll. */
  function logSkipped(entry: unknown, problem: string): void {
    if (!options.log) return;
    const id = isRecord(entry) ? readServerId(entry.id) : null;
    const which = id === null ? 'an entry' : `the entry of server ${id}`;
    const message = transport.clean(`Skipped ${which} of VPS.org's server list that cannot be read: ${problem}.`);
    if (loggedProblems.has(message)) return;
    if (loggedProblems.size >= MAX_LOGGED_PROBLEMS) loggedProblems.delete(loggedProblems.values().next().value!);
    loggedProblems.add(message);
    options.log('warn', message);
  }

  /** Pages of the last unfiltered list, by address, with their bytes. */
  let lastListPages = new Map<string, RememberedPage>();
  /** The last unfiltered list and the page reads it was made of, in order. */
  let lastList: { reads: ListPageRead[]; list: ServerList } | null = null;

  async function listServers(filter: ServerFilter = {}, requestOptions: RequestOptions = {}): Promise<ServerList> {
    const first = transport.serversUrl();
    for (const key of ['status', 'location'] as const) {
      const value = filter[key]?.trim();
      if (value) first.searchParams.set(key, value);
    }
    const remembering = first.search === '';
    const pagesRead = new Map<string, RememberedPage>();
    const visited = new Set<string>();
    const reads: ListPageRead[] = [];
    let url: URL | undefined = first;
    for (let page = 1; url; page++) {
      const call: Call = { method: 'GET', url, purpose: purpose('list', 'list servers'), ...signalOf(requestOptions) };
      if (page > maxPages) {
        throw new VpsApiError(
          'invalid-response',
          `VPS.org's server list has more than ${maxPages} pages; this app stopped following it.`,
        );
      }
      visited.add(url.href);
      const response = await transport.send(call);
      const remembered: RememberedPage | undefined = remembering ? lastListPages.get(url.href) : undefined;
      const read: ListPageRead =
        remembered && sameBytes(remembered.bytes, response.bytes)
          ? remembered.page
          : await readPage(call, response, page);
      if (remembering) pagesRead.set(url.href, { bytes: response.bytes, page: read });
      reads.push(read);
      url = read.next ? nextPageUrl(read.next, url, visited, transport.base) : undefined;
      if (url) await yieldToLoop();
    }
    if (!remembering) return joinPages(reads);
    lastListPages = pagesRead;
    // Every page as last time: the same list.
    if (lastList && sameReads(lastList.reads, reads)) return lastList.list;
    lastList = { reads, list: joinPages(reads) };
    return lastList.list;
  }

  /**
   * One page of the list, read tolerantly: an entry that cannot be read is skipped and logged. Its entries
   * are read READ_CHUNK at a time, with a turn of the event loop between chunks.
   */
  async function readPage(call: Call, response: RawResponse, page: number): Promise<ListPageRead> {
    const read = readListPage(jsonOfRead(call, response));
    if (!read.ok) throw unexpectedAnswer(call, response, read.problem, transport.clean);
    const body = read.value;
    const servers: Server[] = [];
    let skipped = 0;
    for (let index = 0; index < body.entries.length; index++) {
      if (index > 0 && index % READ_CHUNK === 0) await yieldToLoop();
      const entry = body.entries[index];
      const server = readServer(entry, body.entryPath(index));
      if (server.ok) servers.push(server.value);
      else {
        skipped++;
        logSkipped(entry, page === 1 ? server.problem : `${server.problem} (page ${page})`);
      }
    }
    return { count: body.count, next: body.next, servers, skipped };
  }

  return listServers;
}

/**
 * The list the pages make, in their order. A server met on two pages is listed once, with its later
 * reading, and makes the list unsettled (it moved across a page boundary while the list was read), as do
 * pages that disagree on `count` and fewer servers than the list said it holds.
 */
function joinPages(reads: readonly ListPageRead[]): ServerList {
  const results: Server[] = [];
  /** Where each server id is in `results`. */
  const positions = new Map<number, number>();
  let skipped = 0;
  /** Entries of a server met earlier in this read (merged into that one, never a second row). */
  let repeats = 0;
  const count = reads[0]?.count ?? null;
  let unsettled = false;
  for (const read of reads) {
    // A later page that counts the list otherwise: it changed since page 1 was read.
    if (read.count !== null && count !== null && read.count !== count) unsettled = true;
    for (const server of read.servers) {
      const position = positions.get(server.id);
      if (position === undefined) {
        positions.set(server.id, results.length);
        results.push(server);
      } else {
        results[position] = server;
        repeats++;
        unsettled = true;
      }
    }
    skipped += read.skipped;
  }
  // Fewer servers than the list said it holds: one may have slid onto a page already read.
  if (count !== null && reads.length > 1 && results.length + skipped < count) unsettled = true;
  return {
    count: count ?? results.length + skipped + repeats,
    results,
    skipped,
    ...(unsettled ? { unsettled: true } : {}),
  };
}

const sameReads = (a: readonly ListPageRead[], b: readonly ListPageRead[]): boolean =>
  a.length === b.length && a.every((read, index) => read === b[index]);

function nextPageUrl(next: string, current: URL, visited: Set<string>, base: URL): URL {
  let url: URL;
  try {
    url = new URL(next, current);
  } catch {
    throw new VpsApiError(
      'invalid-response',
      `VPS.org's server list links to a next page that is not a valid address.`,
    );
  }
  if (url.origin !== base.origin) {
    throw new VpsApiError(
      'invalid-response',
      `VPS.org's server list points to another site (${safeHost(next, current)}) for its next page; this app does not send your token there.`,
    );
  }
  if (visited.has(url.href)) {
    throw new VpsApiError(
      'invalid-response',
      `VPS.org's server list links back to a page already read (a loop); this app stopped following it.`,
    );
  }
  return url;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

// The VPS.org API client: the 9 endpoints of openapi/vps-org.openapi.json over `ky`, with input checks
// before sending, tolerant reading of every body (main/api/schemas.ts), typed errors for a person, and
// careful retries.
//
// Decisions (the contract is silent on these):
// - Only GET is retried automatically (network error, 5xx, 429), at most `retry.limit` times. ky's own
//   retry is off (`retry: 0`): ky would also retry PUT/DELETE and cannot take an injected sleep, so the
//   loop lives here. A 429/503 Retry-After (seconds or HTTP date) is honoured up to `maxRetryAfterMs`;
//   longer -> fail at once with the error (rate-limited for 429) instead of waiting. Otherwise
//   exponential backoff with full jitter. A timed-out GET is not retried (the next poll asks again).
// - POST/PUT/PATCH/DELETE are sent exactly once. If they time out, lose the connection after sending,
//   or get a 5xx other than 501/503, the error carries `outcomeUnknown: true`.
// - The timeout is per attempt and covers the whole exchange (headers and body).
// - Cancellation via `signal` rethrows the caller's abort reason as is (a DOMException named
//   'AbortError' for a plain `controller.abort()`), never a VpsApiError, so callers tell cancel from failure.
// - Other 4xx (403, 405, 409, ...) -> kind 'bad-request' with the real `status`.
// - Redirects are not followed (`redirect: 'manual'`), and a list `next` page must have the base URL's
//   origin: the token is never sent anywhere but the configured API. A 3xx -> 'invalid-response'.
// - Reading is tolerant: a server needs only a usable id and status. A list entry without them is
//   skipped, counted (`ServerList.skipped`) and logged once; it never hides the others.
// - A 2xx to a write (create, PUT, PATCH, DELETE, start/stop/reboot) means VPS.org accepted it, whatever
//   its body: the client returns what it can read and never reports the write as failed. PUT/PATCH whose
//   answer is not the server's detail (empty, a message, the list's shape) read it back with one GET; a
//   create whose answer does not name the new server resolves to null (the next poll shows it). Only an
//   answer about another server than the request's is an error, with `outcomeUnknown: true`.
// - Every request says `Accept: application/json` and names the app and its version in `User-Agent`.
//   Every POST, PUT and PATCH carries `Content-Type: application/json` as VPS.org's published examples do.
//   Power actions have no input, yet they send the body `{}`, not an empty one: a header that says JSON
//   over an empty body is not JSON, which strict parsers refuse (400), while the API description says a
//   power action's body, if any, is ignored, so `{}` is accepted by the contract and by any parser.
import { Buffer } from 'node:buffer';
import ky, { type KyInstance } from 'ky';
import { VpsApiError } from './errors';
import type { ApiErrorKind } from '../../common/errors';
import {
  abortableSleep,
  appUserAgent,
  cleanServerText,
  describeNetworkFailure,
  fullJitterDelayMs,
  parseRetryAfterSeconds,
  plainTextReason,
  redactToken,
} from './http';
import {
  describeViolations,
  isRecord,
  isServerId,
  validateCreateServerInput,
  validateReplaceServerInput,
  validateUpdateServerPatch,
  type CreateServerInput,
  type ReplaceServerInput,
  type RuleResult,
  type UpdateServerPatch,
} from '../../common/rules';
import {
  errorBodySchema,
  hasDetailFields,
  idsNamedBy,
  readCreatedServer,
  readListPage,
  readPowerActionResponse,
  readServer,
  readServerDetail,
  readServerId,
  readText,
  type CreatedServer,
  type PowerActionResponse,
  type ServerList,
} from './schemas';
import { DEFAULT_API_BASE_URL } from '../../common/settings';
import type { PowerAction } from '../../common/statuses';
import type { Server, ServerDetail, ServerFilter } from '../../common/servers';
import type { Log } from '../app-log';
import { checkApiBaseUrl } from './base-url';

export interface VpsClientRetryOptions {
  /** Retries of a GET after the first attempt. Default 2. */
  limit?: number;
  /** Longest Retry-After this client waits; a longer one fails at once. Default 60000. */
  maxRetryAfterMs?: number;
  /** Base of the exponential backoff with full jitter. Default 500. */
  backoffBaseMs?: number;
}

export interface VpsClientOptions {
  /** API root including /api/v1. Default DEFAULT_API_BASE_URL. */
  baseUrl?: string;
  token: string;
  /** Per attempt, headers and body. Default 15000. */
  timeoutMs?: number;
  retry?: VpsClientRetryOptions;
  /** Most list pages followed. Default 100. */
  maxPages?: number;
  fetch?: typeof globalThis.fetch;
  /** This app's version (package.json, e.g. Electron's app.getVersion()), named in the User-Agent. */
  appVersion?: string;
  /** Waits between GET retries; injectable so tests need not wait. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Clock for HTTP-date Retry-After. Default Date.now. */
  now?: () => number;
  /** Where a skipped list entry is noted (once per distinct problem). Never given the token. */
  log?: Log;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface VpsClient {
  readonly baseUrl: string;
  listServers(filter?: ServerFilter, options?: RequestOptions): Promise<ServerList>;
  /** null: VPS.org accepted it without naming the new server; it shows up with the next list. */
  createServer(input: CreateServerInput, options?: RequestOptions): Promise<CreatedServer | null>;
  getServer(id: number, options?: RequestOptions): Promise<ServerDetail>;
  replaceServer(id: number, input: ReplaceServerInput, options?: RequestOptions): Promise<ServerDetail>;
  updateServer(id: number, patch: UpdateServerPatch, options?: RequestOptions): Promise<ServerDetail>;
  deleteServer(id: number, options?: RequestOptions): Promise<void>;
  startServer(id: number, options?: RequestOptions): Promise<PowerActionResponse>;
  stopServer(id: number, options?: RequestOptions): Promise<PowerActionResponse>;
  rebootServer(id: number, options?: RequestOptions): Promise<PowerActionResponse>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRY_LIMIT = 2;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_MAX_PAGES = 100;
/** Distinct skipped-entry problems remembered, so each is logged once without the memory growing. */
const MAX_LOGGED_PROBLEMS = 100;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Methods that always carry a JSON body (and so `Content-Type: application/json`), `{}` when there is no input. */
const JSON_BODY_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH']);

/** What a request is for, in words used by error messages. */
interface Purpose {
  /** "list servers", "reboot server 12" */
  phrase: string;
  /** "list", "reboot": the word before "request" in a timeout message. */
  verb: string;
  serverId?: number;
}

interface Call {
  method: Method;
  url: URL;
  json?: unknown;
  purpose: Purpose;
  signal?: AbortSignal;
}

interface RawResponse {
  status: number;
  headers: Headers;
  /** The body as received. */
  bytes: Uint8Array;
  /** The body decoded as UTF-8 (as Response.text() does), on first use. */
  readonly text: string;
}

const utf8 = new TextDecoder();

function rawResponse(status: number, headers: Headers, bytes: Uint8Array): RawResponse {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get text() {
      text ??= utf8.decode(bytes);
      return text;
    },
  };
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

class AttemptTimeout extends Error {}

export function createVpsClient(options: VpsClientOptions): VpsClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const base = parseBaseUrl(baseUrl);
  const token = options.token;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryLimit = Math.max(0, options.retry?.limit ?? DEFAULT_RETRY_LIMIT);
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const backoffBaseMs = options.retry?.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'User-Agent': appUserAgent(options.appVersion),
  };
  const http: KyInstance = ky.create({
    headers,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    redirect: 'manual',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const serversUrl = () => new URL('servers/', base);
  const serverUrl = (id: number, action?: PowerAction) => new URL(`servers/${id}/${action ? `${action}/` : ''}`, base);

  // ---- one attempt: send, then read the whole body, all inside one timeout window ----
  async function attemptOnce(call: Call): Promise<RawResponse> {
    const timeoutController = new AbortController();
    const timer = setTimeout(() => timeoutController.abort(new AttemptTimeout()), timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeoutController.signal]) : timeoutController.signal;
    try {
      // ky sends `json` as the body with `Content-Type: application/json`.
      const json = JSON_BODY_METHODS.has(call.method) ? (call.json ?? {}) : call.json;
      const response = await http(call.url, {
        method: call.method,
        signal,
        ...(json === undefined ? {} : { json }),
      });
      // Bytes first: a list page equal to the last one is then never decoded (listServers).
      return rawResponse(response.status, response.headers, new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      if (timeoutController.signal.aborted) throw new AttemptTimeout();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  function timeoutError(call: Call): VpsApiError {
    const seconds = Math.round(timeoutMs / 100) / 10;
    if (call.method === 'GET') {
      return new VpsApiError('timeout', `VPS.org did not answer within ${seconds} s (${call.purpose.phrase}).`);
    }
    return new VpsApiError(
      'timeout',
      `The ${call.purpose.verb} request timed out; VPS.org may or may not have carried it out. Refresh to see the server's state.`,
      { outcomeUnknown: true },
    );
  }

  function networkError(call: Call, error: unknown): VpsApiError {
    const failure = describeNetworkFailure(error);
    const detail = cleanServerText(failure.detail, token);
    const outcomeUnknown = call.method !== 'GET' && !failure.beforeSending;
    const tail = outcomeUnknown
      ? ` The ${call.purpose.verb} request may or may not have been carried out. Refresh to see the server's state.`
      : '';
    return new VpsApiError('network', `VPS.org could not be reached: ${detail}.${tail}`, {
      outcomeUnknown,
      // Only the system error (code, address): never the Request, which carries the token.
      cause: failure.code ? { code: failure.code, message: detail } : undefined,
    });
  }

  // ---- the request loop: GET retries live here and nowhere else ----
  async function send(call: Call): Promise<RawResponse> {
    for (let attempt = 0; ; attempt++) {
      const canRetry = call.method === 'GET' && attempt < retryLimit;
      let response: RawResponse;
      try {
        response = await attemptOnce(call);
      } catch (error) {
        if (error instanceof AttemptTimeout) throw timeoutError(call);
        if (call.signal?.aborted) throw error;
        if (!canRetry) throw networkError(call, error);
        await sleep(fullJitterDelayMs(attempt + 1, backoffBaseMs, random), call.signal);
        continue;
      }
      const { status } = response;
      if (status >= 200 && status < 300) return response;
      if (canRetry && (status === 429 || status >= 500)) {
        const retryAfterSeconds =
          status === 429 || status === 503
            ? parseRetryAfterSeconds(response.headers.get('retry-after'), now())
            : undefined;
        if (retryAfterSeconds === undefined) {
          await sleep(fullJitterDelayMs(attempt + 1, backoffBaseMs, random), call.signal);
          continue;
        }
        if (retryAfterSeconds * 1000 <= maxRetryAfterMs) {
          await sleep(retryAfterSeconds * 1000, call.signal);
          continue;
        }
      }
      throw httpError(call, response);
    }
  }

  function httpError(call: Call, response: RawResponse): VpsApiError {
    const { status } = response;
    const { apiText, fieldErrors } = readErrorBody(response);
    const said = apiText ? ` VPS.org said: "${apiText}"` : '';
    const what = call.purpose.phrase;
    const fail = (
      kind: ApiErrorKind,
      message: string,
      extra: { retryAfterSeconds?: number; outcomeUnknown?: boolean } = {},
    ) =>
      new VpsApiError(kind, message, {
        status,
        ...extra,
        ...(fieldErrors ? { fieldErrors } : {}),
        ...(apiText ? { apiText } : {}),
      });

    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      const where = location ? ` to ${safeHost(location, base)}` : '';
      return fail(
        'invalid-response',
        `VPS.org answered with a redirect${where} (${status}) instead of an answer; this app does not follow redirects with your token. Check the API address in Settings.`,
      );
    }
    switch (status) {
      case 400:
        return fail('bad-request', `VPS.org rejected the request to ${what} (400)${apiText ? `: ${apiText}` : '.'}`);
      case 401:
        return fail('unauthorized', `VPS.org rejected the API token (401). Check the token in Settings.${said}`);
      case 402:
        return fail(
          'payment-required',
          `VPS.org could not ${what}: the account has insufficient credits (402). Top up credits at VPS.org.${said}`,
        );
      case 404:
        return fail(
          'not-found',
          call.purpose.serverId === undefined
            ? `VPS.org does not know this address (404). Check the API address in Settings.${said}`
            : `Server ${call.purpose.serverId} does not exist on VPS.org (404); it may have been deleted.${said}`,
        );
      case 429: {
        const retryAfterSeconds = parseRetryAfterSeconds(response.headers.get('retry-after'), now());
        const wait = retryAfterSeconds === undefined ? 'Try again shortly.' : `Try again in ${retryAfterSeconds} s.`;
        return fail(
          'rate-limited',
          `VPS.org is limiting how often this app may ask (429). ${wait}${said}`,
          retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
        );
      }
      default:
        break;
    }
    if (status >= 500) {
      // 501/503 mean "not done"; any other 5xx to a write may have happened half-way or behind a proxy.
      const outcomeUnknown = call.method !== 'GET' && status !== 501 && status !== 503;
      const tail = outcomeUnknown
        ? ` VPS.org may or may not have carried it out. Refresh to see the server's state.`
        : ' Try again later.';
      return fail('server', `VPS.org had a problem on its side (${status}) while trying to ${what}.${tail}${said}`, {
        outcomeUnknown,
      });
    }
    return fail('bad-request', `VPS.org refused to ${what} (${status}).${said}`);
  }

  /**
   * What the server said about a failure. `apiText` is its own words for a person: `detail` and
   * `non_field_errors`; failing those, its per-field messages; failing those, a short plain-text body
   * (a proxy's "Service Unavailable"). Never a web page. Token removed everywhere, keys included.
   */
  function readErrorBody(response: RawResponse): { apiText?: string; fieldErrors?: Record<string, string[]> } {
    const json = tryParseJson(response.text);
    if (json === undefined) {
      const plain = plainTextReason(response.text, response.headers.get('content-type'), token);
      return plain ? { apiText: plain } : {};
    }
    const parsed = errorBodySchema.safeParse(json);
    if (!parsed.success) return {};
    const fieldErrors: Record<string, string[]> = {};
    let nonFieldErrors: string[] = [];
    for (const [key, value] of Object.entries(parsed.data)) {
      if (key === 'detail') continue;
      const messages = (Array.isArray(value) ? value : [value])
        .filter((item): item is string => typeof item === 'string')
        .map((item) => cleanServerText(item, token));
      if (messages.length === 0) continue;
      if (key === 'non_field_errors') nonFieldErrors = messages;
      else fieldErrors[redactToken(key, token)] = messages;
    }
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    const stated = [parsed.data.detail ?? '', ...nonFieldErrors].join(' ');
    // Joined pieces are cleaned again so the whole stays one bounded line.
    const apiText = cleanServerText(stated.trim() || (hasFieldErrors ? summarizeFieldErrors(fieldErrors) : ''), token);
    return { ...(apiText ? { apiText } : {}), ...(hasFieldErrors ? { fieldErrors } : {}) };
  }

  // ---- bodies: `unknown` until main/api/schemas.ts has read them ----
  function unexpectedAnswer(call: Call, response: RawResponse, problem: string): VpsApiError {
    return new VpsApiError(
      'invalid-response',
      `VPS.org's answer to "${call.purpose.phrase}" is not what this app expects: ${cleanServerText(problem, token)}.`,
      { status: response.status },
    );
  }

  const loggedProblems = new Set<string>();
  /** Each distinct problem once: the same odd entry comes back with every poll. */
  function logSkipped(entry: unknown, problem: string): void {
    if (!options.log) return;
    const id = isRecord(entry) ? readServerId(entry.id) : null;
    const which = id === null ? 'an entry' : `the entry of server ${id}`;
    const message = cleanServerText(
      `Skipped ${which} of VPS.org's server list that cannot be read: ${problem}.`,
      token,
    );
    if (loggedProblems.has(message)) return;
    if (loggedProblems.size >= MAX_LOGGED_PROBLEMS) loggedProblems.delete(loggedProblems.values().next().value!);
    loggedProblems.add(message);
    options.log('warn', message);
  }

  /** Pages of the last unfiltered list, by address, with their bytes. */
  let lastListPages = new Map<string, RememberedPage>();

  // ---- the endpoints ----
  async function listServers(filter: ServerFilter = {}, requestOptions: RequestOptions = {}): Promise<ServerList> {
    const first = serversUrl();
    for (const key of ['status', 'location'] as const) {
      const value = filter[key]?.trim();
      if (value) first.searchParams.set(key, value);
    }
    // A poll asks for the whole list again and again, and mostly nothing changed: a page whose bytes are
    // the same as at the last unfiltered list is neither decoded nor parsed again (its servers, never
    // mutated, are reused).
    const remembering = first.search === '';
    const pagesRead = new Map<string, RememberedPage>();
    const visited = new Set<string>();
    const results: Server[] = [];
    let skipped = 0;
    let count: number | null = null;
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
      const response = await send(call);
      const remembered: RememberedPage | undefined = remembering ? lastListPages.get(url.href) : undefined;
      const read: ListPageRead =
        remembered && sameBytes(remembered.bytes, response.bytes) ? remembered.page : readPage(call, response, page);
      if (remembering) pagesRead.set(url.href, { bytes: response.bytes, page: read });
      if (page === 1) count = read.count;
      for (const server of read.servers) results.push(server);
      skipped += read.skipped;
      url = read.next ? nextPageUrl(read.next, url, visited) : undefined;
    }
    if (remembering) lastListPages = pagesRead;
    return { count: count ?? results.length + skipped, results, skipped };
  }

  /** One page of the list, read tolerantly: an entry that cannot be read is skipped and logged. */
  function readPage(call: Call, response: RawResponse, page: number): ListPageRead {
    const read = readListPage(jsonOfRead(call, response));
    if (!read.ok) throw unexpectedAnswer(call, response, read.problem);
    const body = read.value;
    const servers: Server[] = [];
    let skipped = 0;
    body.entries.forEach((entry, index) => {
      const server = readServer(entry, body.entryPath(index));
      if (server.ok) servers.push(server.value);
      else {
        skipped++;
        logSkipped(entry, page === 1 ? server.problem : `${server.problem} (page ${page})`);
      }
    });
    return { count: body.count, next: body.next, servers, skipped };
  }

  function nextPageUrl(next: string, current: URL, visited: Set<string>): URL {
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

  async function createServer(
    input: CreateServerInput,
    requestOptions: RequestOptions = {},
  ): Promise<CreatedServer | null> {
    const json = requireValid(validateCreateServerInput(input), 'create the server');
    const call: Call = {
      method: 'POST',
      url: serversUrl(),
      json,
      purpose: purpose('create', 'create the server'),
      ...signalOf(requestOptions),
    };
    const body = tryParseJson((await send(call)).text);
    const created = readCreatedServer(body);
    if (created.ok) return created.value;
    // Accepted, but the answer does not describe the new server: read it back when it gives the id.
    const id = isRecord(body) ? readServerId(body.id) : null;
    if (id === null) return null;
    try {
      const detail = await getServer(id, requestOptions);
      return { ...detail, message: isRecord(body) ? readText(body.message) : null };
    } catch (error) {
      if (!(error instanceof VpsApiError)) throw error;
      // The create happened; the list will show the server. Failing here would invite a second create.
      return null;
    }
  }

  async function getServer(id: number, requestOptions: RequestOptions = {}): Promise<ServerDetail> {
    const serverId = requireId(id, 'load the server');
    const call: Call = {
      method: 'GET',
      url: serverUrl(serverId),
      purpose: purpose('load', `load server ${serverId}`, serverId),
      ...signalOf(requestOptions),
    };
    const response = await send(call);
    const read = readServerDetail(jsonOfRead(call, response));
    if (!read.ok) throw unexpectedAnswer(call, response, read.problem);
    if (read.value.id !== serverId) {
      throw unexpectedAnswer(call, response, `it describes server ${read.value.id}, not server ${serverId}`);
    }
    return read.value;
  }

  /**
   * After an accepted PUT/PATCH whose answer was not the server's detail: one GET of it. When that fails
   * too, the list's shape of the server from the answer will do; without one the write is reported as
   * accepted but unread (outcome unknown, so it is never shown as failed).
   */
  async function readBack(
    call: Call,
    serverId: number,
    fromAnswer: ServerDetail | null,
    requestOptions: RequestOptions,
  ): Promise<ServerDetail> {
    try {
      return await getServer(serverId, requestOptions);
    } catch (error) {
      if (!(error instanceof VpsApiError)) throw error;
      if (fromAnswer && error.kind !== 'not-found') return fromAnswer;
      throw new VpsApiError(
        error.kind,
        `VPS.org accepted the ${call.purpose.verb} request, but reading server ${serverId} back failed: ${error.message}`,
        {
          outcomeUnknown: true,
          ...(error.status === undefined ? {} : { status: error.status }),
          ...(error.apiText === undefined ? {} : { apiText: error.apiText }),
          ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
        },
      );
    }
  }

  /** PUT or PATCH: the input passes the shared rules before anything is sent. */
  async function writeServer(
    method: 'PUT' | 'PATCH',
    id: number,
    checked: RuleResult<unknown>,
    requestOptions: RequestOptions,
  ): Promise<ServerDetail> {
    const serverId = requireId(id, 'update the server');
    const json = requireValid(checked, `update server ${serverId}`);
    const call: Call = {
      method,
      url: serverUrl(serverId),
      json,
      purpose: purpose('update', `update server ${serverId}`, serverId),
      ...signalOf(requestOptions),
    };
    const body = tryParseJson((await send(call)).text);
    refuseContradiction(call, body, serverId);
    // The contract does not state the PUT/PATCH body: only the detail itself is taken as the new state.
    const read = readServerDetail(body);
    if (read.ok && hasDetailFields(body)) return read.value;
    return readBack(call, serverId, read.ok ? read.value : null, requestOptions);
  }

  const replaceServer = (id: number, input: ReplaceServerInput, requestOptions: RequestOptions = {}) =>
    writeServer('PUT', id, validateReplaceServerInput(input), requestOptions);

  const updateServer = (id: number, patch: UpdateServerPatch, requestOptions: RequestOptions = {}) =>
    writeServer('PATCH', id, validateUpdateServerPatch(patch), requestOptions);

  async function deleteServer(id: number, requestOptions: RequestOptions = {}): Promise<void> {
    const serverId = requireId(id, 'delete the server');
    const call: Call = {
      method: 'DELETE',
      url: serverUrl(serverId),
      purpose: purpose('delete', `delete server ${serverId}`, serverId),
      ...signalOf(requestOptions),
    };
    refuseContradiction(call, tryParseJson((await send(call)).text), serverId);
  }

  async function powerAction(
    action: PowerAction,
    id: number,
    requestOptions: RequestOptions,
  ): Promise<PowerActionResponse> {
    const serverId = requireId(id, `${action} the server`);
    const call: Call = {
      method: 'POST',
      url: serverUrl(serverId, action),
      purpose: purpose(action, `${action} server ${serverId}`, serverId),
      ...signalOf(requestOptions),
    };
    const body = tryParseJson((await send(call)).text);
    refuseContradiction(call, body, serverId);
    return readPowerActionResponse(body);
  }

  return {
    baseUrl,
    listServers,
    createServer,
    getServer,
    replaceServer,
    updateServer,
    deleteServer,
    startServer: (id, requestOptions = {}) => powerAction('start', id, requestOptions),
    stopServer: (id, requestOptions = {}) => powerAction('stop', id, requestOptions),
    rebootServer: (id, requestOptions = {}) => powerAction('reboot', id, requestOptions),
  };
}

/** The JSON of a GET's 2xx answer. Empty or not JSON is an error; a GET changed nothing, so no doubt. */
function jsonOfRead(call: Call, response: RawResponse): unknown {
  const what = call.purpose.phrase;
  const details = { status: response.status };
  if (response.text.trim() === '') {
    throw new VpsApiError(
      'invalid-response',
      `VPS.org sent an empty answer to "${what}" (${response.status}).`,
      details,
    );
  }
  const json = tryParseJson(response.text);
  if (json === undefined) {
    const looksLikeHtml = /^\s*</.test(response.text);
    throw new VpsApiError(
      'invalid-response',
      `VPS.org sent an answer to "${what}" that is not JSON${looksLikeHtml ? ' (it looks like a web page)' : ''}. Check the API address in Settings, or try again later.`,
      details,
    );
  }
  return json;
}

/**
 * A write's 2xx answer that names another server than the request's contradicts it: nobody can tell
 * what was carried out. The error has no HTTP status, since the 2xx does not show that this server's
 * request was accepted (the fleet then keeps the action in doubt until the list tells).
 */
function refuseContradiction(call: Call, body: unknown, serverId: number): void {
  const other = idsNamedBy(body).find((id) => id !== serverId);
  if (other === undefined) return;
  throw new VpsApiError(
    'invalid-response',
    `VPS.org answered the ${call.purpose.verb} request for server ${serverId} with an answer about server ${other}; it may or may not have been carried out. Refresh to see the server's state.`,
    { outcomeUnknown: true },
  );
}

// Input checks: nothing invalid is ever sent.
function requireId(id: unknown, phrase: string): number {
  if (!isServerId(id)) {
    throw new VpsApiError('bad-request', `Cannot ${phrase}: the server id must be a positive whole number.`, {
      fieldErrors: { id: ['Must be a positive whole number.'] },
    });
  }
  return id;
}

function requireValid<T>(result: RuleResult<T>, phrase: string): T {
  if (result.ok) return result.value;
  const fieldErrors = describeViolations(result.violations);
  throw new VpsApiError('bad-request', `Cannot ${phrase}: ${summarizeFieldErrors(fieldErrors)}`, { fieldErrors });
}

function purpose(verb: string, phrase: string, serverId?: number): Purpose {
  return serverId === undefined ? { verb, phrase } : { verb, phrase, serverId };
}

function parseBaseUrl(baseUrl: string): URL {
  const problem = checkApiBaseUrl(`${baseUrl}/`);
  if (problem === 'invalid-url') {
    throw new VpsApiError('bad-request', 'The API address is not a valid web address. Check it in Settings.');
  }
  const base = new URL(`${baseUrl}/`);
  if (problem === 'insecure-scheme') {
    throw new VpsApiError(
      'bad-request',
      `The API address must start with https:// (got ${base.protocol}//${base.host}); plain http is only accepted for this computer's own address (127.0.0.1 or [::1]). Check it in Settings.`,
    );
  }
  return base;
}

function signalOf(options: RequestOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeHost(address: string, relativeTo: URL): string {
  try {
    return new URL(address, relativeTo).host;
  } catch {
    return 'an unreadable address';
  }
}

function summarizeFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => (field === 'non_field_errors' ? messages.join(' ') : `${field}: ${messages.join(' ')}`))
    .join(' ');
}

// The transport under the VPS.org endpoints: one request sent over `ky` with the token, the timeout,
// the GET retries with Retry-After, and every failure mapped to a VpsApiError (transport-errors.ts).
// The endpoints (server-list.ts, server-reads.ts, server-writes.ts, power.ts) only say what to send and
// read what came back.
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
// - Redirects are not followed (`redirect: 'manual'`): the token is never sent anywhere but the
//   configured API. A 3xx -> 'invalid-response'.
// - Every request says `Accept: application/json` and names the app and its version in `User-Agent`.
//   Every POST, PUT and PATCH carries `Content-Type: application/json` as VPS.org's published examples do.
//   Power actions have no input, yet they send the body `{}`, not an empty one: a header that says JSON
//   over an empty body is not JSON, which strict parsers refuse (400), while the API description says a
//   power action's body, if any, is ignored, so `{}` is accepted by the contract and by any parser.
import ky, { type KyInstance } from 'ky';
import { VpsApiError } from './errors';
import {
  abortableSleep,
  appUserAgent,
  cleanServerText,
  describeNetworkFailure,
  fullJitterDelayMs,
  parseRetryAfterSeconds,
} from './http';
import { httpError } from './transport-errors';
import { rawResponse, type Call, type Method, type RawResponse } from './call';
import { checkApiBaseUrl } from './base-url';
import { DEFAULT_API_BASE_URL } from '../../common/settings';
import type { PowerAction } from '../../common/statuses';

interface VpsClientRetryOptions {
  /** Retries of a GET after the first attempt. Default 2. */
  limit?: number;
  /** Longest Retry-After this client waits; a longer one fails at once. Default 60000. */
  maxRetryAfterMs?: number;
  /** Base of the exponential backoff with full jitter. Default 500. */
  backoffBaseMs?: number;
}

export interface TransportOptions {
  /** API root including /api/v1. Default DEFAULT_API_BASE_URL. */
  baseUrl?: string;
  token: string;
  /** Per attempt, headers and body. Default 15000. */
  timeoutMs?: number;
  retry?: VpsClientRetryOptions;
  fetch?: typeof globalThis.fetch;
  /** This app's version (package.json, e.g. Electron's app.getVersion()), named in the User-Agent. */
  appVersion?: string;
  /** Waits between GET retries; injectable so tests need not wait. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Clock for HTTP-date Retry-After. Default Date.now. */
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_LIMIT = 2;
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
const DEFAULT_BACKOFF_BASE_MS = 500;

/** Methods that always carry a JSON body (and so `Content-Type: application/json`), `{}` when there is no input. */
const JSON_BODY_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH']);

export interface Transport {
  /** The API root without a trailing slash. */
  readonly baseUrl: string;
  /** The API root as a URL (with a trailing slash): a list's next page must have its origin. */
  readonly base: URL;
  /** One request: a 2xx answer, or a VpsApiError (or the caller's abort reason). GETs are retried here. */
  send(call: Call): Promise<RawResponse>;
  /** Server-provided text made safe to show: the token removed, one line, bounded. */
  clean(text: string): string;
  serversUrl(): URL;
  serverUrl(id: number, action?: PowerAction): URL;
}

class AttemptTimeout extends Error {}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = (options.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const base = parseBaseUrl(baseUrl);
  const token = options.token;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryLimit = Math.max(0, options.retry?.limit ?? DEFAULT_RETRY_LIMIT);
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const backoffBaseMs = options.retry?.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
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
      // Bytes first: a list page equal to the last one is then never decoded (server-list.ts).
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
      throw httpError(call, response, { base, token, now });
    }
  }

  return {
    baseUrl,
    base,
    send,
    clean: (text) => cleanServerText(text, token),
    serversUrl: () => new URL('servers/', base),
    serverUrl: (id, action) => new URL(`servers/${id}/${action ? `${action}/` : ''}`, base),
  };
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

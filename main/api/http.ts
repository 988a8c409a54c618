// Small pure helpers of the API client: request headers, Retry-After parsing, backoff, redaction, lenient
// JSON parsing, and wording of validation and network failures for a person. No I/O here, so each piece is easy to test.
import { isRecord } from '../../common/rules';

/** The product token of this app in the User-Agent (RFC 9110 §10.1.5: no spaces, so not "VPS.org Tray"). */
const USER_AGENT_PRODUCT = 'VPS.org-Tray';
/** Where VPS.org's operators can learn who sends these requests (the "+URL" convention of crawlers). */
const USER_AGENT_INFO_URL = 'https://www.vps.org/';

/**
 * The User-Agent every request carries, e.g. `VPS.org-Tray/0.1.0 (+https://www.vps.org/)`, so VPS.org
 * can tell this app (and which release of it) from other clients. The version comes from the caller
 * (package.json via Electron's app.getVersion()); characters a product version may not hold are dropped.
 */
export function appUserAgent(appVersion?: string): string {
  const version = (appVersion ?? '').replace(/[^A-Za-z0-9!#$%&'*+.^_`|~-]/g, '');
  return `${USER_AGENT_PRODUCT}${version ? `/${version}` : ''} (+${USER_AGENT_INFO_URL})`;
}

/** Sleeps `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

/** "Full jitter" exponential backoff: a random wait in [0, base * 2^(retry-1)). */
export function fullJitterDelayMs(retryNumber: number, baseMs: number, random: () => number): number {
  return Math.floor(random() * baseMs * 2 ** Math.max(0, retryNumber - 1));
}

/** Removes the token (and any `Bearer <token>`) from text that came from elsewhere, e.g. a server body. */
export function redactToken(text: string, token: string): string {
  if (token === '') return text;
  return text.split(`Bearer ${token}`).join('Bearer [redacted]').split(token).join('[redacted]');
}

const MAX_SERVER_TEXT = 300;

/** Server-provided text made safe to show: token removed, whitespace collapsed, length bounded. */
export function cleanServerText(text: string, token: string): string {
  const oneLine = redactToken(text, token).replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SERVER_TEXT ? `${oneLine.slice(0, MAX_SERVER_TEXT - 1)}…` : oneLine;
}

/**
 * A non-JSON error body worth quoting: short plain text such as a proxy's "Service Unavailable".
 * A web page or a long dump (a stack trace) says nothing a person can use, so it yields nothing.
 */
export function plainTextReason(body: string, contentType: string | null, token: string): string | undefined {
  const text = body.trim();
  if (text === '' || text.length > MAX_SERVER_TEXT || text.startsWith('<')) return undefined;
  if (/html/i.test(contentType ?? '')) return undefined;
  return cleanServerText(text, token);
}

/** The innermost system error of a failed fetch (undici wraps it as `TypeError('fetch failed', {cause})`). */
function systemCause(error: unknown): Record<string, unknown> | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isRecord(current); depth++) {
    if (typeof current.code === 'string' && typeof current.message === 'string') return current;
    // Happy-eyeballs failures arrive as an AggregateError of one error per address.
    if (Array.isArray(current.errors) && current.errors.length > 0) {
      current = current.errors[0];
      continue;
    }
    current = current.cause;
  }
  return undefined;
}

export interface NetworkFailure {
  /** Human text, e.g. "connect ECONNREFUSED 127.0.0.1:1234". */
  detail: string;
  code?: string;
  /** The failure happened before anything was sent, so a non-GET certainly did not happen. */
  beforeSending: boolean;
}

const CONNECT_PHASE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
]);

export function describeNetworkFailure(error: unknown): NetworkFailure {
  const cause = systemCause(error);
  if (cause) {
    const code = String(cause.code);
    return { detail: String(cause.message), code, beforeSending: CONNECT_PHASE_CODES.has(code) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { detail: message, beforeSending: false };
}

/** The text as JSON, or undefined when it is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The host an address points to, for a message. */
export function safeHost(address: string, relativeTo: URL): string {
  try {
    return new URL(address, relativeTo).host;
  } catch {
    return 'an unreadable address';
  }
}

/** Per-field messages as one sentence: "name: Required. non-field text". */
export function summarizeFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => (field === 'non_field_errors' ? messages.join(' ') : `${field}: ${messages.join(' ')}`))
    .join(' ');
}

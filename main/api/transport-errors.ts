// A non-2xx answer as a VpsApiError for a person: its kind by status, VPS.org's own words quoted
// (token removed), and whether a write's outcome is in doubt. Other 4xx (403, 405, 409, ...) -> kind
// 'bad-request' with the real `status`.
import { VpsApiError } from './errors';
import type { ApiErrorKind } from '../../common/errors';
import {
  cleanServerText,
  parseRetryAfterSeconds,
  plainTextReason,
  redactToken,
  safeHost,
  summarizeFieldErrors,
  tryParseJson,
} from './http';
import { errorBodySchema } from './schemas';
import type { Call, RawResponse } from './call';

export interface HttpErrorContext {
  /** The API root: a redirect names only its host. */
  base: URL;
  /** Only to remove it from what the server said. */
  token: string;
  /** Clock for an HTTP-date Retry-After. */
  now: () => number;
}

export function httpError(call: Call, response: RawResponse, context: HttpErrorContext): VpsApiError {
  const { status } = response;
  const { apiText, fieldErrors } = readErrorBody(response, context.token);
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
    const where = location ? ` to ${safeHost(location, context.base)}` : '';
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
      const retryAfterSeconds = parseRetryAfterSeconds(response.headers.get('retry-after'), context.now());
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
function readErrorBody(
  response: RawResponse,
  token: string,
): { apiText?: string; fieldErrors?: Record<string, string[]> } {
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

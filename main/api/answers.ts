// What every endpoint shares: the input checks before sending (nothing invalid is ever sent), and the
// first look at a 2xx body, which stays `unknown` until main/api/schemas.ts has read it.
import { VpsApiError } from './errors';
import { summarizeFieldErrors, tryParseJson } from './http';
import { idsNamedBy } from './schemas';
import { describeViolations, isServerId, type RuleResult } from '../../common/rules';
import type { Call, Purpose, RawResponse } from './call';

export interface RequestOptions {
  signal?: AbortSignal;
}

export function purpose(verb: string, phrase: string, serverId?: number): Purpose {
  return serverId === undefined ? { verb, phrase } : { verb, phrase, serverId };
}

export function signalOf(options: RequestOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

export function requireId(id: unknown, phrase: string): number {
  if (!isServerId(id)) {
    throw new VpsApiError('bad-request', `Cannot ${phrase}: the server id must be a positive whole number.`, {
      fieldErrors: { id: ['Must be a positive whole number.'] },
    });
  }
  return id;
}

export function requireValid<T>(result: RuleResult<T>, phrase: string): T {
  if (result.ok) return result.value;
  const fieldErrors = describeViolations(result.violations);
  throw new VpsApiError('bad-request', `Cannot ${phrase}: ${summarizeFieldErrors(fieldErrors)}`, { fieldErrors });
}

/** A 2xx body a reader could not use; `clean` removes the token from the reader's words. */
export function unexpectedAnswer(
  call: Call,
  response: RawResponse,
  problem: string,
  clean: (text: string) => string,
): VpsApiError {
  return new VpsApiError(
    'invalid-response',
    `VPS.org's answer to "${call.purpose.phrase}" is not what this app expects: ${clean(problem)}.`,
    { status: response.status },
  );
}

/** The JSON of a GET's 2xx answer. Empty or not JSON is an error; a GET changed nothing, so no doubt. */
export function jsonOfRead(call: Call, response: RawResponse): unknown {
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
export function refuseContradiction(call: Call, body: unknown, serverId: number): void {
  const other = idsNamedBy(body).find((id) => id !== serverId);
  if (other === undefined) return;
  throw new VpsApiError(
    'invalid-response',
    `VPS.org answered the ${call.purpose.verb} request for server ${serverId} with an answer about server ${other}; it may or may not have been carried out. Refresh to see the server's state.`,
    { outcomeUnknown: true },
  );
}

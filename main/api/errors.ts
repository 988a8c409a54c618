// The one error type of the API client. `kind` says what happened; `message` is for a person and
// never contains the token.
import type { ApiErrorKind } from '../../common/errors';

export interface VpsApiErrorDetails {
  status?: number;
  /** 400: per-field messages, from the server or from the client's own input check. */
  fieldErrors?: Record<string, string[]>;
  /** 429: seconds the server asked to wait. */
  retryAfterSeconds?: number;
  /**
   * The server's own human text (its `detail`, `non_field_errors`, field messages when it sent nothing
   * else, or a short plain-text body): token removed, one line, bounded. Absent when it said nothing.
   */
  apiText?: string;
  /** A POST/PUT/PATCH/DELETE that timed out or lost its connection: it may or may not have happened. */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class VpsApiError extends Error {
  override readonly name = 'VpsApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;
  readonly apiText?: string;
  readonly outcomeUnknown: boolean;

  constructor(kind: ApiErrorKind, message: string, details: VpsApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.fieldErrors !== undefined) this.fieldErrors = details.fieldErrors;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.apiText !== undefined) this.apiText = details.apiText;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

export function isVpsApiError(error: unknown): error is VpsApiError {
  return error instanceof VpsApiError;
}

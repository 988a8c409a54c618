// Failures as the renderer sees them: the one place where what was thrown (a domain error from
// main/errors.ts, a VpsApiError from the client, anything else) becomes an IpcError. The router maps
// every handler's failure here, so nothing ever throws across IPC.
import { isVpsApiError } from '../api/errors';
import { ActionRefused, DomainError, InvalidFields } from '../errors';
import { describeViolations } from '../../common/rules';
import type { IpcError, Result } from '../../common/contract';

export const GENERIC_INTERNAL_MESSAGE = 'Something went wrong inside the app. Please try again.';

/** Per-field messages with their field names and texts redacted: the API's words, like any other text. */
export function redactFieldErrors(
  fieldErrors: Record<string, string[]>,
  redact: (text: string) => string,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [redact(field), messages.map((message) => redact(message))]),
  );
}

/** Any thrown value -> IpcError. Unknown errors get a generic message (their text may hold anything). */
export function toIpcError(error: unknown, redact: (text: string) => string = (text) => text): IpcError {
  if (error instanceof DomainError) {
    const mapped: IpcError = { kind: error.kind, message: redact(error.message) };
    // A copy: the server's name and status are texts from the API, redacted like the message.
    if (error instanceof ActionRefused) {
      const { conflict } = error;
      mapped.conflict = { ...conflict, serverName: redact(conflict.serverName), status: redact(conflict.status) };
    }
    if (error instanceof InvalidFields) {
      mapped.fieldErrors = redactFieldErrors(describeViolations(error.violations), redact);
      mapped.fieldViolations = error.violations;
    }
    return mapped;
  }
  if (isVpsApiError(error)) {
    const mapped: IpcError = { kind: error.kind, message: redact(error.message) };
    if (error.status !== undefined) mapped.status = error.status;
    if (error.fieldErrors !== undefined) mapped.fieldErrors = redactFieldErrors(error.fieldErrors, redact);
    if (error.retryAfterSeconds !== undefined) mapped.retryAfterSeconds = error.retryAfterSeconds;
    if (error.apiText !== undefined) mapped.apiText = redact(error.apiText);
    // Only a true value crosses: absent means the failed call certainly did not change anything.
    if (error.outcomeUnknown) mapped.outcomeUnknown = true;
    return mapped;
  }
  return { kind: 'internal', message: GENERIC_INTERNAL_MESSAGE };
}

/** A call's outcome as a Result (for callers outside the router, e.g. the tray), mapped like the router's. */
export async function resultOf<T>(call: Promise<T>, redact?: (text: string) => string): Promise<Result<T>> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    return { ok: false, error: toIpcError(error, redact) };
  }
}

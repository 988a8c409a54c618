// Failures as the renderer sees them. Core code throws `IpcFailure` (or lets a VpsApiError through);
// the router turns whatever was thrown into an IpcError so that nothing ever throws across IPC.
import { isVpsApiError } from '../api/errors';
import type { IpcError } from '../../common/contract';
import type { ErrorKind } from '../../common/errors';

export class IpcFailure extends Error {
  override readonly name = 'IpcFailure';
  readonly error: IpcError;
  constructor(kind: ErrorKind, message: string, extra: Omit<IpcError, 'kind' | 'message'> = {}) {
    super(message);
    this.error = { kind, message, ...extra };
  }
}

export const GENERIC_INTERNAL_MESSAGE = 'Something went wrong inside the app. Please try again.';

/** Any thrown value -> IpcError. Unknown errors get a generic message (their text may hold anything). */
export function toIpcError(error: unknown, redact: (text: string) => string = (text) => text): IpcError {
  if (error instanceof IpcFailure) {
    const mapped: IpcError = { ...error.error, message: redact(error.error.message) };
    if (error.error.apiText !== undefined) mapped.apiText = redact(error.error.apiText);
    const { conflict } = error.error;
    // A copy: the server's name and status are texts from the API, redacted like the message.
    if (conflict !== undefined)
      mapped.conflict = { ...conflict, serverName: redact(conflict.serverName), status: redact(conflict.status) };
    return mapped;
  }
  if (isVpsApiError(error)) {
    const mapped: IpcError = { kind: error.kind, message: redact(error.message) };
    if (error.status !== undefined) mapped.status = error.status;
    if (error.fieldErrors !== undefined) mapped.fieldErrors = error.fieldErrors;
    if (error.retryAfterSeconds !== undefined) mapped.retryAfterSeconds = error.retryAfterSeconds;
    if (error.apiText !== undefined) mapped.apiText = redact(error.apiText);
    // Only a true value crosses: absent means the failed call certainly did not change anything.
    if (error.outcomeUnknown) mapped.outcomeUnknown = true;
    return mapped;
  }
  return { kind: 'internal', message: GENERIC_INTERNAL_MESSAGE };
}

// What the client tests ask of a call that fails: it rejects with a VpsApiError, and the token is
// nowhere in that error (message, stack, serialised form, field errors, the API's quoted text).
import { expect } from 'vitest';
import { VpsApiError } from '../../main/api/errors';

/** The rejection of `promise`, which must be a VpsApiError; given `token`, it must not contain it anywhere. */
export async function apiFailure(promise: Promise<unknown>, token?: string): Promise<VpsApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VpsApiError);
  const apiError = error as VpsApiError;
  if (token !== undefined) expectNoToken(apiError, token);
  return apiError;
}

export function expectNoToken(error: VpsApiError, token: string): void {
  const everything = [
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.fieldErrors ?? {}),
    error.apiText ?? '',
    String(error),
  ].join('\n');
  expect(everything).not.toContain(token);
}

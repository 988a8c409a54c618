// Domain errors carry a kind and an English message; only main/ipc/errors.ts turns them into IpcErrors.
import { describe, expect, it } from 'vitest';
import {
  AccountNotActive,
  ActionRefused,
  DomainError,
  NoSession,
  ServerNotListed,
  TokenStorageFailed,
} from '../main/errors';
import { VpsApiError } from '../main/api/errors';
import { GENERIC_INTERNAL_MESSAGE, resultOf, toIpcError } from '../main/ipc/errors';

describe('domain errors', () => {
  it('each has its kind, message and name', () => {
    const cases: Array<[DomainError, string, string, string]> = [
      [new NoSession(), 'no-token', 'Set a VPS.org API token (or start the demo) first.', 'NoSession'],
      [
        new AccountNotActive(),
        'not-found',
        'This server belongs to an account that is not active.',
        'AccountNotActive',
      ],
      [new ServerNotListed(7), 'not-found', 'Server 7 is not in the list. Refresh and try again.', 'ServerNotListed'],
      [
        new TokenStorageFailed(),
        'storage',
        'The token is valid but could not be stored by the system keychain.',
        'TokenStorageFailed',
      ],
    ];
    for (const [error, kind, message, name] of cases) {
      expect(error).toBeInstanceOf(DomainError);
      expect({ kind: error.kind, message: error.message, name: error.name }).toEqual({ kind, message, name });
      expect(toIpcError(error)).toEqual({ kind, message });
    }
  });

  it('a refusal crosses with its reason as data, its texts redacted', () => {
    const refused = new ActionRefused(
      { reason: 'transitional', serverName: 'web-SECRET', status: 'rebooting' },
      'web-SECRET is busy.',
    );
    expect(toIpcError(refused, (text) => text.replaceAll('SECRET', '[redacted]'))).toEqual({
      kind: 'conflict',
      message: 'web-[redacted] is busy.',
      conflict: { reason: 'transitional', serverName: 'web-[redacted]', status: 'rebooting' },
    });
  });
});

describe('resultOf', () => {
  it('maps a call the way the router does: a value, a domain error, an API error, anything else', async () => {
    expect(await resultOf(Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    expect(await resultOf(Promise.reject(new NoSession()))).toEqual({
      ok: false,
      error: { kind: 'no-token', message: 'Set a VPS.org API token (or start the demo) first.' },
    });
    const apiError = new VpsApiError('server', 'Down SECRET.', { status: 503 });
    expect(await resultOf(Promise.reject(apiError), (text) => text.replace('SECRET', '[redacted]'))).toEqual({
      ok: false,
      error: { kind: 'server', message: 'Down [redacted].', status: 503 },
    });
    expect(await resultOf(Promise.reject(new TypeError('token=abc')))).toEqual({
      ok: false,
      error: { kind: 'internal', message: GENERIC_INTERNAL_MESSAGE },
    });
  });
});

// Failures the main process itself raises (the API client raises VpsApiError), as domain errors: each
// says what went wrong with an ErrorKind and an English message. Only main/ipc/errors.ts turns them
// into what the popup sees (IpcError); nothing here knows about IPC.
import type { ConflictInfo } from '../common/contract';
import type { ErrorKind } from '../common/errors';
import type { FieldViolations } from '../common/rules';

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** No token is set and no demo is running: there is no account to ask. */
export class NoSession extends DomainError {
  override readonly name = 'NoSession';
  constructor() {
    super('no-token', 'Set a VPS.org API token (or start the demo) first.');
  }
}

/** A server reference names an account without an open session. */
export class AccountNotActive extends DomainError {
  override readonly name = 'AccountNotActive';
  constructor() {
    super('not-found', 'This server belongs to an account that is not active.');
  }
}

/** An action on a server the fleet does not know (yet, or any more). */
export class ServerNotListed extends DomainError {
  override readonly name = 'ServerNotListed';
  constructor(id: number) {
    super('not-found', `Server ${id} is not in the list. Refresh and try again.`);
  }
}

/** An action refused without a request: the reason as data (the popup words it), worded in English too. */
export class ActionRefused extends DomainError {
  override readonly name = 'ActionRefused';
  readonly conflict: ConflictInfo;
  constructor(conflict: ConflictInfo, message: string) {
    super('conflict', message);
    this.conflict = conflict;
  }
}

/** The token was accepted by the API but the keychain would not store it. */
export class TokenStorageFailed extends DomainError {
  override readonly name = 'TokenStorageFailed';
  constructor() {
    super('storage', 'The token is valid but could not be stored by the system keychain.');
  }
}

/** Input the app's own rules refuse (e.g. an account label already taken): the rule codes by field. */
export class InvalidFields extends DomainError {
  override readonly name = 'InvalidFields';
  readonly violations: FieldViolations;
  constructor(violations: FieldViolations) {
    super('bad-request', 'Some fields are not valid.');
    this.violations = violations;
  }
}

/** An account id that names no account (removed meanwhile, or never added). */
export class UnknownAccount extends DomainError {
  override readonly name = 'UnknownAccount';
  constructor() {
    super('not-found', 'This account is not in the list any more.');
  }
}

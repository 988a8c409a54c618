// Signing in: the accounts and their tokens (checked, stored, forgotten), and demo mode. Never the token
// itself on the way back. `window.vps.auth.*`, `token.*`, `demo.*`, `accounts.*`, `onAuthChange`.
import type { Empty } from './calls';

/** Where the token is kept. */
export interface TokenStorageInfo {
  /** e.g. `keychain`, `dpapi`, `gnome_libsecret`, `kwallet5`, `memory` */
  backend: string;
  /** false: kept for this session only; `reason` says why and what to install. */
  persisted: boolean;
  /** English explanation, for logs and as a fallback. */
  reason?: string;
  /**
   * Why the token is kept for this session only, for the popup to word: no-keyring (Linux chose
   * basic_text), unknown-backend (Linux could not tell), encryption-unavailable (safeStorage says no),
   * keychain-refused (encrypting failed).
   */
  reasonCode?: 'no-keyring' | 'unknown-backend' | 'encryption-unavailable' | 'keychain-refused';
}

export interface AccountInfo {
  id: string;
  label: string;
  baseUrl: string;
}

/** Why a token is asked for. The popup translates `code`; `message` is the English fallback (logs, tests). */
export interface AuthNotice {
  /**
   * token-rejected: the API answered 401 to the saved token. decrypt-failed: the stored token could not
   * be decrypted and was forgotten. keychain-unavailable: the keychain is locked or not running yet; the
   * stored token is kept and tried again at the next start (or paste it to use it for this session).
   */
  code: 'token-rejected' | 'decrypt-failed' | 'keychain-unavailable';
  /** English fallback; the popup words it from `code`. */
  message: string;
}

/** One token account as the popup knows it. Never its token, nor the API address. */
export interface AccountState {
  id: string;
  label: string;
  /** Where its token is kept; absent while no token of it could be read. */
  storage?: TokenStorageInfo;
  /** Why it is not polled (token rejected, unreadable, keychain locked); absent while it is. */
  notice?: AuthNotice;
}

/**
 * What the renderer knows of authentication. Never the token itself. In token mode, `account` and
 * `storage` are the primary (first polled) account's; `accounts` lists every account, polled or not.
 */
export type AuthState =
  | { mode: 'none'; notice?: AuthNotice; accounts?: AccountState[] }
  | { mode: 'token'; account: AccountInfo; storage: TokenStorageInfo; accounts?: AccountState[] }
  | { mode: 'demo'; account: AccountInfo };

interface TokenInput {
  token: string;
  /** Shown in the UI; defaults to "VPS.org". */
  label?: string;
}

/** A new account: the token is checked against VPS.org before it is stored. */
interface AccountInput {
  label: string;
  token: string;
}

interface AccountRename {
  id: string;
  label: string;
}

export const AUTH_CHANNELS = {
  authState: 'vps:auth:state',
  tokenSet: 'vps:token:set',
  tokenClear: 'vps:token:clear',
  demoStart: 'vps:demo:start',
  demoStop: 'vps:demo:stop',
  accountAdd: 'vps:account:add',
  accountRename: 'vps:account:rename',
  accountRemove: 'vps:account:remove',
} as const;

export const AUTH_EVENTS = {
  authChanged: 'vps:event:auth-changed',
} as const;

export interface AuthContract {
  [AUTH_CHANNELS.authState]: { request: Empty; response: AuthState };
  [AUTH_CHANNELS.tokenSet]: { request: TokenInput; response: AuthState };
  [AUTH_CHANNELS.tokenClear]: { request: Empty; response: AuthState };
  [AUTH_CHANNELS.demoStart]: { request: Empty; response: AuthState };
  [AUTH_CHANNELS.demoStop]: { request: Empty; response: AuthState };
  /** A refused label or token is a `fieldViolations` error (label / token); nothing is stored then. */
  [AUTH_CHANNELS.accountAdd]: { request: AccountInput; response: AuthState };
  [AUTH_CHANNELS.accountRename]: { request: AccountRename; response: AuthState };
  /** Ends its session and forgets its token; its servers leave the list. */
  [AUTH_CHANNELS.accountRemove]: { request: { id: string }; response: AuthState };
}

export interface AuthEventContract {
  [AUTH_EVENTS.authChanged]: AuthState;
}

export const AUTH_METHODS = {
  auth: { state: AUTH_CHANNELS.authState },
  token: { set: AUTH_CHANNELS.tokenSet, clear: AUTH_CHANNELS.tokenClear },
  demo: { start: AUTH_CHANNELS.demoStart, stop: AUTH_CHANNELS.demoStop },
  accounts: { add: AUTH_CHANNELS.accountAdd, rename: AUTH_CHANNELS.accountRename, remove: AUTH_CHANNELS.accountRemove },
} as const;

export const AUTH_BRIDGE_EVENTS = {
  onAuthChange: AUTH_EVENTS.authChanged,
} as const;

// The one list of failure kinds, for the API client, the core, the IPC layer, the tray and the popup.

/** What went wrong talking to VPS.org (the API client's errors). */
export type ApiErrorKind =
  | 'unauthorized'
  | 'payment-required'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response';

/** Every failure kind: the API's, plus those the app itself raises. */
export type ErrorKind =
  | ApiErrorKind
  /** The payload did not pass the router's runtime check. */
  | 'invalid-payload'
  /** The sender is not the app's own popup page. */
  | 'forbidden'
  /** Refused without a request: another action is in flight, or the state does not allow it. */
  | 'conflict'
  /** No token is set (and no demo is running). */
  | 'no-token'
  /** A token could not be stored (e.g. the keychain refused). */
  | 'storage'
  | 'internal';

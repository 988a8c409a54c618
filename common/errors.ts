// The one list of failure kinds, for the API client, the core, the IPC layer, the tray and the popup.

/** What went wrong talking to VPS.org (the API client's errors). */
export const API_ERROR_KINDS = [
  'unauthorized',
  'payment-required',
  'not-found',
  'bad-request',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'invalid-response',
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** Every failure kind: the API's, plus those the app itself raises. */
export const ERROR_KINDS = [
  ...API_ERROR_KINDS,
  /** The payload did not pass the router's runtime check. */
  'invalid-payload',
  /** The sender is not the app's own popup page. */
  'forbidden',
  /** Refused without a request: another action is in flight, or the state does not allow it. */
  'conflict',
  /** No token is set (and no demo is running). */
  'no-token',
  /** A token could not be stored (e.g. the keychain refused). */
  'storage',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

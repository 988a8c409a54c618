// THE IPC contract between the main process and the popup: channel names, request, response and event
// types. Every other file refers to channels through this one; the compile-time checks at the bottom
// fail the build when a channel has no entry. Types only at run time: the router validates payloads.
import type { AlertsSnapshot, PauseDuration } from './alerts';
import type { CreateServerInput, ReplaceServerInput, RuleViolation, UpdateServerPatch } from './rules';
import type { Server, ServerDetail, ServerFilter, ServerRef } from './servers';
import type { AlertThresholds, Expectation, Settings, SettingsPatch } from './settings';
import type { PowerAction, ServerStatus } from './statuses';
import type { ErrorKind } from './errors';
import type { Exact } from './type-checks';

// ---------------------------------------------------------------------------------------------
// Domain types that cross the bridge
// ---------------------------------------------------------------------------------------------

/** What the renderer learns of a failure. Never contains the token. */
export interface IpcError {
  kind: ErrorKind;
  /** Written for a person; includes the API's own text when it sent one. */
  message: string;
  status?: number;
  /** Per-field messages (English, or the API's own text). */
  fieldErrors?: Record<string, string[]>;
  /** Per-field rule codes when the input failed the app's own checks (main/api/rules.ts); the popup words them. */
  fieldViolations?: Record<string, RuleViolation[]>;
  retryAfterSeconds?: number;
  /** The API's own words (its detail or a short plain-text body), for the popup to quote as is. */
  apiText?: string;
  /** A change that timed out or failed half-way: it may or may not have been carried out. */
  outcomeUnknown?: boolean;
  /** Why a `conflict` was refused without a request, for the popup to word in the user's language. */
  conflict?: ConflictInfo;
}

export interface ConflictInfo {
  /**
   * in-flight: another action on this server is still being carried out; already-running / not-running:
   * the action does not fit the status; busy: the server is in a transition; suspended: no power actions;
   * other-status: a status the action cannot start from (e.g. one the app does not know);
   * name-mismatch: a delete confirmed with a name that is not the server's current one (`serverName` is).
   */
  reason: 'in-flight' | 'already-running' | 'not-running' | 'busy' | 'suspended' | 'other-status' | 'name-mismatch';
  serverName: string;
  status: ServerStatus;
  /** in-flight: the action being carried out. */
  pendingAction?: PendingAction['action'];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** An action being carried out on a server, tracked until the server settles. */
export interface PendingAction {
  action: PowerAction | 'create' | 'replace' | 'update' | 'delete';
  /** ms since epoch */
  startedAt: number;
}

/** One server as the popup shows it. */
export interface ServerView {
  /** `${accountId}:${id}` — stable key for lists. */
  key: string;
  accountId: string;
  server: Server;
  pending: PendingAction | null;
}

export interface FleetStatus {
  /** ms since epoch of the last successful poll, null before the first. */
  lastSuccessAt: number | null;
  /**
   * Set while the list shown is not fresh (last poll failed); the list itself is kept. `status` (the
   * HTTP status of a server error) and `retryAfterSeconds` (rate-limited) let the popup word the headline.
   */
  stale: { kind: ErrorKind; message: string; since: number; status?: number; retryAfterSeconds?: number } | null;
  /** A poll is in flight. */
  refreshing: boolean;
  /** The first poll has completed (so an empty list means an empty account). */
  loaded: boolean;
  /**
   * Entries of the last list VPS.org sent that could not be read (no usable id or status): left out of
   * the list, and counted so the user knows the list is not complete. Absent means none.
   */
  skipped?: number;
}

/**
 * Full state, sent once when the renderer subscribes. `status` sums up every account (refreshing while
 * any is; stale only when every account is); `accounts` holds each account's own status by account id.
 */
export interface FleetSnapshot {
  servers: ServerView[];
  status: FleetStatus;
  /** Always sent by main; optional so a one-account fixture can leave it out. */
  accounts?: Record<string, FleetStatus>;
}

/** What changed since the previous event: only these servers, plus the statuses. */
export interface FleetDelta {
  upserted: ServerView[];
  /** keys */
  removed: string[];
  status: FleetStatus;
  /** Every account's own status (all of them, not only those that changed). */
  accounts?: Record<string, FleetStatus>;
}

/** The end of a tracked action. */
export interface ActionOutcome {
  ref: ServerRef;
  serverName: string;
  action: PendingAction['action'];
  /**
   * done: the server settled as expected. failed: the API refused, or the server settled elsewhere.
   * timed-out: it had not settled after 10 min. removed: the server is gone (404).
   * unknown: the request's fate is unknown (timed out, connection lost, unreadable answer) and the
   * server never showed the change, so it may or may not have happened.
   */
  outcome: 'done' | 'failed' | 'timed-out' | 'removed' | 'unknown';
  /** English, for logs; the popup and notifications word the outcome from the fields. */
  message: string;
  elapsedMs: number;
  /** The server's status when the action ended (null when it is gone). */
  finalStatus: ServerStatus | null;
  /** failed / unknown because of an API error: what kind, with the API's own words. */
  error?: { kind: ErrorKind; status?: number; apiText?: string };
}

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

/**
 * A view the popup can be asked to open from outside: the tray's Settings…, or the global shortcut's
 * `search` (the server list with the search box focused).
 */
export type RequestedView = 'settings' | 'search';

export interface PopupShown {
  /** Navigate here; null keeps the current view, so a half-filled form is not lost. */
  view: RequestedView | null;
}

/** Something the user must know about that happened at start-up (shown once in the popup). */
export interface AppNotice {
  /** settings-reset / vault-reset: the file was unreadable; it was moved aside to `backupPath` and defaults used. */
  code: 'settings-reset' | 'vault-reset';
  backupPath: string;
}

export interface AppInfo {
  version: string;
  platform: 'darwin' | 'win32' | 'linux' | (string & {});
  /** The OS locale, e.g. `cs-CZ`. */
  systemLocale: string;
  notices: AppNotice[];
}

/**
 * The global shortcut as the desktop edge left it. failed: `taken` (another app holds it; the OS says
 * no more), `wayland` (a Wayland session gives apps no global shortcuts: bind `--toggle` instead),
 * `error` (Electron refused it).
 */
export type ShortcutStatus =
  | { state: 'off' }
  | { state: 'active'; accelerator: string }
  | { state: 'failed'; accelerator: string; reason: 'taken' | 'wayland' | 'error' };

/**
 * Why this copy of the app cannot update itself: development (not packaged), package-manager (a deb or
 * rpm install: the system's package manager updates it), platform (neither an AppImage, a Windows
 * installer nor a macOS app, e.g. an unpacked folder or a snap).
 */
export type UpdateUnavailableReason = 'development' | 'package-manager' | 'platform';

/** Where the app's own updating stands. */
export interface UpdateState {
  /** null: the app can update itself. */
  unavailable: UpdateUnavailableReason | null;
  /**
   * idle: not checked yet; checking / downloading: in progress; ready: `version` is downloaded and
   * installs on restart; up-to-date: the last check found nothing newer; failed: the last check failed
   * and is retried later (never shown as an error).
   */
  phase: 'idle' | 'checking' | 'downloading' | 'ready' | 'up-to-date' | 'failed';
  /** downloading / ready: the version offered. */
  version: string | null;
  /** ms since epoch of the last check that got an answer. */
  checkedAt: number | null;
}

/** "Copy diagnostics": main builds the text and puts it on the clipboard. */
export interface DiagnosticsRequest {
  /** Server names, hostnames and IP addresses stay in (default off); the token never does. */
  includeServerNames: boolean;
}

export interface TokenInput {
  token: string;
  /** Shown in the UI; defaults to "VPS.org". */
  label?: string;
}

/** A new account: the token is checked against VPS.org before it is stored. */
export interface AccountInput {
  label: string;
  token: string;
}

export interface AccountRename {
  id: string;
  label: string;
}

export interface DeleteServerRequest {
  ref: ServerRef;
  /** What the user typed to confirm: a stale or mixed-up ref then never deletes another server. */
  confirmName: string;
}

export interface AcceptedAction {
  /** The API's message, e.g. "Server is rebooting". */
  message: string;
}

export interface ExpectationRequest {
  ref: ServerRef;
  expectation: Expectation;
}

export interface PauseRequest {
  /** null: the whole tray. */
  ref: ServerRef | null;
  duration: PauseDuration;
}

/** A server's own thresholds: each given one replaces the global one (null: not watched); {} uses the global ones. */
export interface ServerThresholdsRequest {
  ref: ServerRef;
  thresholds: Partial<AlertThresholds>;
}

/** The global alert settings the popup changes; thresholds merge (null switches one off). */
export interface AlertsConfigPatch {
  holdSeconds?: number;
  thresholds?: Partial<AlertThresholds>;
}

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

export const InvokeChannel = {
  appInfo: 'vps:app:info',
  authState: 'vps:auth:state',
  tokenSet: 'vps:token:set',
  tokenClear: 'vps:token:clear',
  demoStart: 'vps:demo:start',
  demoStop: 'vps:demo:stop',
  accountAdd: 'vps:account:add',
  accountRename: 'vps:account:rename',
  accountRemove: 'vps:account:remove',
  fleetSubscribe: 'vps:fleet:subscribe',
  fleetRefresh: 'vps:fleet:refresh',
  serversList: 'vps:servers:list',
  serversGet: 'vps:servers:get',
  serversCreate: 'vps:servers:create',
  serversReplace: 'vps:servers:replace',
  serversUpdate: 'vps:servers:update',
  serversDelete: 'vps:servers:delete',
  serversStart: 'vps:servers:start',
  serversStop: 'vps:servers:stop',
  serversReboot: 'vps:servers:reboot',
  settingsGet: 'vps:settings:get',
  settingsSet: 'vps:settings:set',
  clipboardWrite: 'vps:clipboard:write',
  popupReady: 'vps:popup:ready',
  popupHide: 'vps:popup:hide',
  shortcutStatus: 'vps:shortcut:status',
  updatesState: 'vps:updates:state',
  diagnosticsCopy: 'vps:diagnostics:copy',
  alertsState: 'vps:alerts:state',
  alertsExpect: 'vps:alerts:expect',
  alertsAcknowledge: 'vps:alerts:acknowledge',
  alertsPause: 'vps:alerts:pause',
  alertsConfigure: 'vps:alerts:configure',
  alertsServerThresholds: 'vps:alerts:server-thresholds',
} as const;
export type InvokeChannel = (typeof InvokeChannel)[keyof typeof InvokeChannel];

export const EventChannel = {
  fleetChanged: 'vps:event:fleet-changed',
  actionFinished: 'vps:event:action-finished',
  authChanged: 'vps:event:auth-changed',
  settingsChanged: 'vps:event:settings-changed',
  /** The popup was shown (focus the current view), or asked to show a view (e.g. the tray's Settings…). */
  popupShown: 'vps:event:popup-shown',
  /** The global shortcut was registered, turned off or refused. */
  shortcutChanged: 'vps:event:shortcut-changed',
  updatesChanged: 'vps:event:updates-changed',
  /** A server's deviation, expectation or pause changed (or the whole tray's pause). */
  alertsChanged: 'vps:event:alerts-changed',
} as const;
export type EventChannel = (typeof EventChannel)[keyof typeof EventChannel];

type Empty = undefined;

/** Request and response of every invoke channel. Responses travel as `Result<response>`. */
export interface InvokeContract {
  [InvokeChannel.appInfo]: { request: Empty; response: AppInfo };
  [InvokeChannel.authState]: { request: Empty; response: AuthState };
  [InvokeChannel.tokenSet]: { request: TokenInput; response: AuthState };
  [InvokeChannel.tokenClear]: { request: Empty; response: AuthState };
  [InvokeChannel.demoStart]: { request: Empty; response: AuthState };
  [InvokeChannel.demoStop]: { request: Empty; response: AuthState };
  /** A refused label or token is a `fieldViolations` error (label / token); nothing is stored then. */
  [InvokeChannel.accountAdd]: { request: AccountInput; response: AuthState };
  [InvokeChannel.accountRename]: { request: AccountRename; response: AuthState };
  /** Ends its session and forgets its token; its servers leave the list. */
  [InvokeChannel.accountRemove]: { request: { id: string }; response: AuthState };
  [InvokeChannel.fleetSubscribe]: { request: Empty; response: FleetSnapshot };
  [InvokeChannel.fleetRefresh]: { request: Empty; response: FleetStatus };
  /** Asks the API with its own query filters; returns the matching servers' refs. */
  [InvokeChannel.serversList]: { request: ServerFilter; response: ServerRef[] };
  [InvokeChannel.serversGet]: { request: ServerRef; response: ServerDetail };
  /** null: VPS.org accepted it without naming the new server; it appears with the next poll. */
  [InvokeChannel.serversCreate]: { request: CreateServerInput; response: ServerView | null };
  [InvokeChannel.serversReplace]: { request: { ref: ServerRef; input: ReplaceServerInput }; response: ServerDetail };
  [InvokeChannel.serversUpdate]: { request: { ref: ServerRef; patch: UpdateServerPatch }; response: ServerDetail };
  /** `confirmName`: the name the user typed; main refuses the delete unless it is the server's current name. */
  [InvokeChannel.serversDelete]: { request: DeleteServerRequest; response: null };
  [InvokeChannel.serversStart]: { request: ServerRef; response: AcceptedAction };
  [InvokeChannel.serversStop]: { request: ServerRef; response: AcceptedAction };
  [InvokeChannel.serversReboot]: { request: ServerRef; response: AcceptedAction };
  [InvokeChannel.settingsGet]: { request: Empty; response: Settings };
  [InvokeChannel.settingsSet]: { request: SettingsPatch; response: Settings };
  [InvokeChannel.clipboardWrite]: { request: string; response: null };
  /** The page has subscribed to events and is ready: answers the view it was asked to open, if any. */
  [InvokeChannel.popupReady]: { request: Empty; response: PopupShown };
  [InvokeChannel.popupHide]: { request: Empty; response: null };
  [InvokeChannel.shortcutStatus]: { request: Empty; response: ShortcutStatus };
  [InvokeChannel.updatesState]: { request: Empty; response: UpdateState };
  /** Builds the diagnostics text in main and copies it to the clipboard. */
  [InvokeChannel.diagnosticsCopy]: { request: DiagnosticsRequest; response: null };
  [InvokeChannel.alertsState]: { request: Empty; response: AlertsSnapshot };
  [InvokeChannel.alertsExpect]: { request: ExpectationRequest; response: AlertsSnapshot };
  /** Calms the server's hard deviations until its state changes. */
  [InvokeChannel.alertsAcknowledge]: { request: ServerRef; response: AlertsSnapshot };
  [InvokeChannel.alertsPause]: { request: PauseRequest; response: AlertsSnapshot };
  [InvokeChannel.alertsConfigure]: { request: AlertsConfigPatch; response: Settings };
  [InvokeChannel.alertsServerThresholds]: { request: ServerThresholdsRequest; response: AlertsSnapshot };
}

/** Payload of every event channel (main -> renderer). */
export interface EventContract {
  [EventChannel.fleetChanged]: FleetDelta;
  [EventChannel.actionFinished]: ActionOutcome;
  [EventChannel.authChanged]: AuthState;
  [EventChannel.settingsChanged]: Settings;
  [EventChannel.popupShown]: PopupShown;
  [EventChannel.shortcutChanged]: ShortcutStatus;
  [EventChannel.updatesChanged]: UpdateState;
  [EventChannel.alertsChanged]: AlertsSnapshot;
}

export type InvokeRequest<C extends InvokeChannel> = InvokeContract[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeContract[C]['response'];
export type EventPayload<C extends EventChannel> = EventContract[C];

/**
 * Where each channel appears on the popup's `window.vps` (common/bridge.ts builds it from this map):
 * `vps.servers.reboot(ref)`, `vps.onFleetChange(listener)`.
 */
export const BRIDGE_METHODS = {
  app: { info: InvokeChannel.appInfo },
  popup: { ready: InvokeChannel.popupReady, hide: InvokeChannel.popupHide },
  auth: { state: InvokeChannel.authState },
  token: { set: InvokeChannel.tokenSet, clear: InvokeChannel.tokenClear },
  demo: { start: InvokeChannel.demoStart, stop: InvokeChannel.demoStop },
  accounts: { add: InvokeChannel.accountAdd, rename: InvokeChannel.accountRename, remove: InvokeChannel.accountRemove },
  fleet: { subscribe: InvokeChannel.fleetSubscribe, refresh: InvokeChannel.fleetRefresh },
  servers: {
    list: InvokeChannel.serversList,
    get: InvokeChannel.serversGet,
    create: InvokeChannel.serversCreate,
    replace: InvokeChannel.serversReplace,
    update: InvokeChannel.serversUpdate,
    delete: InvokeChannel.serversDelete,
    start: InvokeChannel.serversStart,
    stop: InvokeChannel.serversStop,
    reboot: InvokeChannel.serversReboot,
  },
  settings: { get: InvokeChannel.settingsGet, set: InvokeChannel.settingsSet },
  clipboard: { write: InvokeChannel.clipboardWrite },
  shortcut: { status: InvokeChannel.shortcutStatus },
  updates: { state: InvokeChannel.updatesState },
  diagnostics: { copy: InvokeChannel.diagnosticsCopy },
  alerts: {
    state: InvokeChannel.alertsState,
    expect: InvokeChannel.alertsExpect,
    acknowledge: InvokeChannel.alertsAcknowledge,
    pause: InvokeChannel.alertsPause,
    configure: InvokeChannel.alertsConfigure,
    serverThresholds: InvokeChannel.alertsServerThresholds,
  },
} as const;

export const BRIDGE_EVENTS = {
  onFleetChange: EventChannel.fleetChanged,
  onActionFinished: EventChannel.actionFinished,
  onAuthChange: EventChannel.authChanged,
  onSettingsChange: EventChannel.settingsChanged,
  onPopupShown: EventChannel.popupShown,
  onShortcutChange: EventChannel.shortcutChanged,
  onUpdatesChange: EventChannel.updatesChanged,
  onAlertsChange: EventChannel.alertsChanged,
} as const;

type BridgeMethods = typeof BRIDGE_METHODS;
type ChannelsOnBridge = { [G in keyof BridgeMethods]: BridgeMethods[G][keyof BridgeMethods[G]] }[keyof BridgeMethods];

// Compile-time checks: every channel constant has a contract entry and a place on the bridge, and no
// entry lacks a constant. Adding a channel without the others fails the typecheck here.
export const CONTRACT_IS_COMPLETE: Exact<InvokeChannel, keyof InvokeContract> &
  Exact<EventChannel, keyof EventContract> &
  Exact<InvokeChannel, ChannelsOnBridge> &
  Exact<EventChannel, (typeof BRIDGE_EVENTS)[keyof typeof BRIDGE_EVENTS]> = true;

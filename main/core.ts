// Composition of everything Electron-free: builds the pieces (redaction, the event bus, the fleet, the
// sessions, one module per feature) and wires them; the features hold the logic. The desktop edge
// (main/index.ts) and the end-to-end harness both build on this.
import { createAccounts } from './accounts/accounts';
import { createAccountRecords, type SessionCollection } from './accounts/records';
import { createTokenService } from './accounts/token-service';
import type { VpsClient, VpsClientOptions } from './api/client';
import { createEventBus, type EventListener } from './event-bus';
import { alertsValidators, createAlertsFeature, type AlertsFeature } from './features/alerts';
import { authValidators, createAuthFeature } from './features/auth';
import { appValidators, createAppFeature } from './features/app';
import { createDiagnosticsFeature, diagnosticsValidators, type DiagnosticsPort } from './features/diagnostics';
import { createHistoryFeature, historyValidators, type HistoryFeatureDeps } from './features/history';
import { createOutcomeReport } from './features/outcomes';
import { createPopupView, popupViewValidators } from './features/popup-view';
import { createPowerFeature, powerValidators } from './features/power';
import { createServersFeature, serversValidators } from './features/servers';
import { createSettingsFeature, settingsPayload, settingsValidators } from './features/settings';
import { createShortcutFeature, shortcutValidators } from './features/shortcut';
import { createTrayFeed, type TrayFeed } from './tray/feed';
import { createUpdatesFeature, updatesValidators, type UpdatesControl } from './features/updates';
import { startDemo, type StartSimulatorFn } from './fleet/demo';
import { createFleetState, type FleetState } from './fleet/state';
import { messagesForSetting } from './i18n';
import { resultOf } from './ipc/errors';
import { createRouter, type IpcRouter, type RouterHandlers, type SenderInfo } from './ipc/router';
import type { PayloadValidators } from './ipc/validators';
import type {
  AppInfoPort,
  ClipboardPort,
  DeepReadonly,
  Notifier,
  PopupPort,
  SaveFilePort,
  SettingsStore,
  TokenVault,
} from './ports';
import { createRedactor, type Redactor } from './redactor';
import { createPollers } from './sessions/pollers';
import { createSession } from './sessions/session';
import { unavailableUpdater, type UpdaterPort } from './updates/service';
import type {
  AcceptedAction,
  AppNotice,
  AuthState,
  EventContract,
  RequestedView,
  Result,
  ShortcutStatus,
} from '../common/contract';
import { EventChannel } from '../common/contract';
import { DEFAULT_API_BASE_URL, type Settings } from '../common/settings';
import type { Log } from './app-log';
import type { ActionSource } from '../common/history';
import { serverKey, type ServerRef } from '../common/servers';
import type { PowerAction } from '../common/statuses';

export interface CoreDeps {
  vault: TokenVault;
  settings: SettingsStore;
  notifier: Notifier;
  clipboard: ClipboardPort;
  popup: PopupPort;
  appInfo: AppInfoPort;
  /** Default createVpsClient, loaded with the first request (createClientLazily). */
  createClient?: (options: VpsClientOptions) => VpsClient;
  /** Default the real simulator (demo mode). */
  startSimulator?: StartSimulatorFn;
  now?: () => number;
  /** Jitter source of the poller's backoff, [0, 1). Default Math.random. */
  random?: () => number;
  /** Never receives the token (messages pass through redaction too). */
  log?: Log;
  /** Learns every token the core sees; pass the one the process's own log uses. Default: a new one. */
  redactor?: Redactor;
  /** e.g. small timeouts and no retries in tests. */
  clientOptions?: Partial<VpsClientOptions>;
  /** Simulator speed in demo mode. Default 10. */
  demoSpeed?: number;
  /**
   * Accepts only the popup page (e.g. `(s) => isAppPageUrl(s.url, popupUrl)`). Default: no sender is
   * trusted, so forgetting it fails loudly instead of opening the API to any page.
   */
  isTrustedSender?: (sender: SenderInfo) => boolean;
  /** The app's own updater (main/desktop/updater.ts). Default: none, as in a development run. */
  updater?: UpdaterPort;
  /** Electron's facts and the log's last warnings and errors, for "Copy diagnostics". */
  diagnostics?: DiagnosticsPort;
  /** The history's folder (`<userData>/history`). Default: none, the history kept in memory only. */
  historyDirectory?: string;
  /** The Save dialog of a history export. Default: none, the export handed to the page as a download. */
  saveFile?: SaveFilePort;
}

export type CoreEventListener = EventListener<EventContract>;

export interface Core {
  router: IpcRouter;
  /** Main -> renderer events. Returns unsubscribe. */
  onEvent(listener: CoreEventListener): () => void;
  /** What the tray shows; `onChange` fires only when it changed. */
  tray: TrayFeed;
  /** Loads the vault and starts polling (or the demo when `options.demo`, or settings.demoMode and no token). */
  start(options?: { demo?: boolean }): Promise<void>;
  /** Stops the poller, the demo simulator and every timer. */
  stop(): Promise<void>;
  /** Medium poll interval while open; on opening, the popup gets `popupShown` (with a requested view, if any). */
  setPopupOpen(open: boolean): void;
  /**
   * Asks the popup to open a view (the tray's Settings…). Call before showing the popup. The request
   * lasts until the popup is hidden: a page still loading gets it in the popup's bootstrap.
   */
  requestView(view: RequestedView): void;
  /** A notice found after start (an unsigned macOS build): each popup shown from now on gets it, once. */
  addNotice(notice: AppNotice): void;
  /** The desktop edge's global shortcut registered, turned off or refused: the popup's Settings show it. */
  reportShortcut(status: ShortcutStatus): void;
  /** Joins the poll in flight. */
  refreshNow(): Promise<void>;
  /** `source`: where it was started (the history keeps it); default the tray menu. */
  powerAction(ref: ServerRef, action: PowerAction, source?: ActionSource): Promise<Result<AcceptedAction>>;
  system: { suspend(): void; resume(): void; unlock(): void };
  /** The current auth state (also sent as authChanged events). */
  authState(): AuthState;
  /** The app's own updates: state, check now, restart into a downloaded version. */
  updates: UpdatesControl;
  /** Expected-state alerts, for the tray menu (the popup uses the alerts channels). */
  alerts: Pick<AlertsFeature, 'snapshot' | 'setExpectation' | 'acknowledge' | 'pause'>;
}

/**
 * The API client, loaded with its HTTP library (ky, and Node's fetch under it) when the first request is
 * made: the tray is up by then, and a start never waits for it. Each method waits for the one load.
 */
function createClientLazily(options: VpsClientOptions): VpsClient {
  let loading: Promise<VpsClient> | null = null;
  const client = () => (loading ??= import('./api/client').then((module) => module.createVpsClient(options)));
  return {
    // As the transport says it: without a trailing slash.
    baseUrl: (options.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, ''),
    listServers: async (...args) => (await client()).listServers(...args),
    createServer: async (...args) => (await client()).createServer(...args),
    getServer: async (...args) => (await client()).getServer(...args),
    replaceServer: async (...args) => (await client()).replaceServer(...args),
    updateServer: async (...args) => (await client()).updateServer(...args),
    deleteServer: async (...args) => (await client()).deleteServer(...args),
    powerAction: async (...args) => (await client()).powerAction(...args),
  };
}

/** Demo mode's simulator, loaded when a demo starts: a start with a token never evaluates its code. */
const startSimulatorLazily: StartSimulatorFn = async (options) =>
  (await import('./simulator/simulator')).startSimulator(options);

/** One call that makes two (the history hears suspend and resume before the pollers act on them). */
const both =
  (first: () => void, second: () => void): (() => void) =>
  () => {
    first();
    second();
  };

const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Where the history looks up names (when it answers, never stored), the servers in the list now, its settings. */
function historySources(
  fleet: FleetState,
  sessions: SessionCollection,
  settings: { get(): DeepReadonly<Settings> },
): Pick<HistoryFeatureDeps, 'names' | 'servers' | 'keepDays' | 'uptimeInTooltip'> {
  return {
    keepDays: () => settings.get().historyKeepDays,
    uptimeInTooltip: () => settings.get().uptimeInTooltip,
    names: {
      server: (ref) => fleet.get(serverKey(ref.accountId, ref.id))?.server.name ?? null,
      account: (accountId) =>
        sessions.get(accountId)?.account.label ??
        settings.get().accounts.find((account) => account.id === accountId)?.label ??
        null,
    },
    servers: () => [...fleet.views()].map((view) => ({ accountId: view.accountId, id: view.server.id })),
  };
}

/** Every feature's payload checks, joined into the router's table; a channel none brings fails the typecheck. */
export const payloadValidators: PayloadValidators = {
  ...appValidators,
  ...popupViewValidators,
  ...authValidators,
  ...serversValidators,
  ...powerValidators,
  ...settingsValidators,
  ...shortcutValidators,
  ...updatesValidators,
  ...diagnosticsValidators,
  ...alertsValidators,
  ...historyValidators,
};

export function createCore(deps: CoreDeps): Core {
  const now = deps.now ?? Date.now;
  const createClient = deps.createClient ?? createClientLazily;
  const redactor = deps.redactor ?? createRedactor();
  const { redact } = redactor;
  const log: Log = (level, message) => deps.log?.(level, redact(message));
  const events = createEventBus<EventContract>((channel, error) =>
    log('error', `Event listener failed on ${channel}: ${error instanceof Error ? error.message : String(error)}`),
  );
  const { emit } = events;
  const createApi = (baseUrl: string, token: string): VpsClient => {
    redactor.add(token);
    return createClient({ ...deps.clientOptions, baseUrl, token, log, appVersion: deps.appInfo.version });
  };

  const fleet = createFleetState({ onDelta: (delta) => emit(EventChannel.fleetChanged, delta) });
  const records = createAccountRecords();
  const { sessions } = records;
  const pollers = createPollers(sessions);
  // The bootstrap's sources are built below; it is answered only once the core is up.
  const popupView = createPopupView({
    emit,
    onOpenChanged: pollers.reschedule,
    bootstrap: {
      info: () => app.info(),
      auth: () => accounts.state(),
      settings: () => settingsPayload(settings.get()),
      fleet: () => fleet.snapshot(),
    },
  });
  const settings = createSettingsFeature({ store: deps.settings, emit, onChangedByUser: pollers.reschedule });
  const { notifier, appInfo, clipboard, popup } = deps;
  const alertDeps = { fleet, sessions, settings, events, emit, notifier, appInfo, now, log, redact };
  const alerts = createAlertsFeature(alertDeps);
  const onOutcome = createOutcomeReport({ settings: deps.settings, notifier, appInfo, emit, log, redact });
  const sessionDeps = { fleet, now, random: deps.random, popupOpen: popupView.isOpen, onOutcome, redact, log };
  const accounts = createAccounts({
    records,
    tokens: createTokenService({ vault: deps.vault, createApi, baseUrl: () => settings.get().apiBaseUrl }),
    createSession: (spec) =>
      // Each session's poller reads the usage the alerts' thresholds watch (one schedule for every request).
      createSession({ ...sessionDeps, usage: alerts.usage, pollIntervals: () => settings.get().pollIntervals }, spec),
    createApi,
    startDemo: () =>
      startDemo({ startSimulator: deps.startSimulator ?? startSimulatorLazily, createApi, speed: deps.demoSpeed }),
    settings,
    addSecret: redactor.add,
    emit,
    log,
    onRemoved: (accountId) => historyFeature.history.removeAccount(accountId),
  });
  const auth = createAuthFeature({ accounts });
  const historyLookups = historySources(fleet, sessions, settings);
  const historyFeature = createHistoryFeature({
    directory: deps.historyDirectory ?? null,
    now,
    log,
    ...historyLookups,
    events,
    emit,
    popupOpen: popupView.isOpen,
    saveFile: deps.saveFile,
  });
  const app = createAppFeature({ appInfo, clipboard, popup });
  const servers = createServersFeature({ sessions, fleet, pollers });
  const { history } = historyFeature;
  const power = createPowerFeature({ sessions, onSent: history.recorder.actionStarted });
  const shortcut = createShortcutFeature({ emit });
  const updates = createUpdatesFeature({
    updater: deps.updater ?? unavailableUpdater('development'),
    settings,
    sessions,
    notifier,
    messages: () => messagesForSetting(settings.get().language, appInfo.systemLocale),
    events,
    log,
  });
  const tokenSessions = () => sessions.list().filter((session) => session.kind === 'token');
  const diagnostics = createDiagnosticsFeature({
    port: deps.diagnostics,
    appInfo,
    clipboard,
    settings,
    fleet,
    redact,
    now,
    auth: accounts.state,
    accountCount: () => tokenSessions().length,
    accountLabels: () => tokenSessions().map((session) => session.account.label),
    updates: updates.state,
    history: { events: history.events, size: history.size, names: historyLookups.names },
  });
  const uptime = { get: historyFeature.trayUptime, onChange: historyFeature.onTrayUptimeChange };
  const tray = createTrayFeed({ fleet, auth: accounts.state, events, alerts, uptime });

  // Each feature brings the handlers of its channels; a channel none brings fails the typecheck.
  const handlers: RouterHandlers = {
    ...app.handlers,
    ...popupView.handlers,
    ...auth.handlers,
    ...servers.handlers,
    ...power.handlers,
    ...settings.handlers,
    ...shortcut.handlers,
    ...updates.handlers,
    ...diagnostics.handlers,
    ...alerts.handlers,
    ...historyFeature.handlers,
  };
  const router = createRouter(handlers, deps.isTrustedSender ?? (() => false), {
    validators: payloadValidators,
    redact,
    onUnexpectedError: (channel, error) => log('error', `Handler ${channel} failed: ${describeError(error)}`),
  });

  return {
    router,
    onEvent: events.subscribe,
    tray,
    start: (options = {}) => {
      updates.start();
      history.start();
      return accounts.start(options);
    },
    stop: () => {
      updates.stop();
      alerts.stop();
      history.stop(); // first: its last write happens now, however long ending the sessions takes
      return accounts.stop();
    },
    setPopupOpen: (open) => {
      if (open && !popupView.isOpen()) history.popupShown();
      if (!open && popupView.isOpen()) history.popupHidden();
      popupView.setOpen(open);
    },
    requestView: popupView.requestView,
    addNotice: app.addNotice,
    reportShortcut: shortcut.report,
    refreshNow: pollers.refresh,
    powerAction: (ref, action, source = 'tray') => resultOf(power.power(ref, action, source), redact),
    system: {
      suspend: both(history.recorder.suspended, pollers.suspend),
      resume: both(history.recorder.resumed, pollers.resume),
      unlock: pollers.resume,
    },
    authState: accounts.state,
    updates,
    alerts,
  };
}

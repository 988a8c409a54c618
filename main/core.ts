// Composition of everything Electron-free: auth (token vault + API check), the session (a client, a
// poller and an action tracker for the active account or the demo), the fleet state, the tray summary
// and the IPC router. The desktop edge (main/index.ts) and the end-to-end harness both build on this.
import { createVpsClient, type VpsClient, type VpsClientOptions } from './api/client';
import { startSimulator as startRealSimulator } from './simulator/simulator';
import { createActionTracker, outcomeNotice, type ActionTracker } from './fleet/actions';
import type { FleetApi } from './fleet/api';
import { startDemo, type StartSimulatorFn } from './fleet/demo';
import { createPoller, type Poller } from './fleet/poller';
import { createFleetState } from './fleet/state';
import { computeTraySummary, createTraySummaryTracker, type TraySummary } from './fleet/tray-summary';
import {
  authStateOf,
  createTokenService,
  DEFAULT_ACCOUNT_ID,
  TOKEN_REJECTED_NOTICE,
  type ActiveAccount,
} from './auth/token-service';
import { messagesForSetting } from './i18n';
import { IpcFailure, toIpcError } from './ipc/errors';
import { createRouter, type IpcRouter, type RouterHandlers, type SenderInfo } from './ipc/router';
import type { AppInfoPort, ClipboardPort, Notifier, PopupPort, SettingsStore, TokenVault } from './ports';
import { applySettingsPatch } from './settings/schema';
import {
  EventChannel,
  InvokeChannel,
  type AcceptedAction,
  type AccountInfo,
  type ActionOutcome,
  type AuthState,
  type EventPayload,
  type FleetStatus,
  type RequestedView,
  type Result,
} from '../common/contract';

export type { TraySummary } from './fleet/tray-summary';
import type { PowerAction } from '../common/statuses';
import type { Log, LogLevel } from '../common/log';
import { type ServerRef, refKey } from '../common/servers';

export interface CoreDeps {
  vault: TokenVault;
  settings: SettingsStore;
  notifier: Notifier;
  clipboard: ClipboardPort;
  popup: PopupPort;
  appInfo: AppInfoPort;
  /** Default createVpsClient. */
  createClient?: (options: VpsClientOptions) => VpsClient | FleetApi;
  /** Default the real simulator (demo mode). */
  startSimulator?: StartSimulatorFn;
  now?: () => number;
  /** Jitter source of the poller's backoff, [0, 1). Default Math.random. */
  random?: () => number;
  /** Never receives the token (messages pass through redaction too). */
  log?: Log;
  /** e.g. small timeouts and no retries in tests. */
  clientOptions?: Partial<VpsClientOptions>;
  /** Simulator speed in demo mode. Default 10. */
  demoSpeed?: number;
  /**
   * Accepts only the popup page (e.g. `(s) => isAppPageUrl(s.url, popupUrl)`). Default: no sender is
   * trusted, so forgetting it fails loudly instead of opening the API to any page.
   */
  isTrustedSender?: (sender: SenderInfo) => boolean;
}

export type CoreEventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

export interface Core {
  router: IpcRouter;
  /** Main -> renderer events. Returns unsubscribe. */
  onEvent(listener: CoreEventListener): () => void;
  /** What the tray shows; `onChange` fires only when it changed. */
  tray: { getState(): TraySummary; onChange(listener: (summary: TraySummary) => void): () => void };
  /** Loads the vault and starts polling (or the demo when `options.demo`, or settings.demoMode and no token). */
  start(options?: { demo?: boolean }): Promise<void>;
  /** Stops the poller, the demo simulator and every timer. */
  stop(): Promise<void>;
  /** Medium poll interval while open; on opening, the popup gets `popupShown` (with a requested view, if any). */
  setPopupOpen(open: boolean): void;
  /**
   * Asks the popup to open a view (the tray's Settings…). Call before showing the popup. The request
   * lasts until the popup is hidden: a page still loading gets it when it first asks for the auth state.
   */
  requestView(view: RequestedView): void;
  /** Joins the poll in flight. */
  refreshNow(): Promise<void>;
  powerAction(ref: ServerRef, action: PowerAction): Promise<Result<AcceptedAction>>;
  system: { suspend(): void; resume(): void; unlock(): void };
  /** The current auth state (also sent as authChanged events). */
  authState(): AuthState;
}

interface Session {
  kind: 'token' | 'demo';
  account: AccountInfo;
  api: FleetApi;
  poller: Poller;
  actions: ActionTracker;
  ended: boolean;
  close?: () => Promise<void>;
}

const NO_SESSION_MESSAGE = 'Set a VPS.org API token (or start the demo) first.';

/** A Result back into a thrown IpcFailure, for handlers (the router turns it into a Result again). */
async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new IpcFailure(settled.error.kind, settled.error.message, settled.error);
  return settled.value;
}

export function createCore(deps: CoreDeps): Core {
  const now = deps.now ?? Date.now;
  const createClient = deps.createClient ?? createVpsClient;
  const startSimulator: StartSimulatorFn = deps.startSimulator ?? startRealSimulator;

  // Every token this process has seen, so that no message can carry one out (defence in depth).
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let result = text;
    for (const secret of secrets)
      if (secret.length >= 4 && result.includes(secret)) result = result.split(secret).join('[redacted]');
    return result;
  };
  const log = (level: LogLevel, message: string) => deps.log?.(level, redact(message));

  const eventListeners = new Set<CoreEventListener>();
  const emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    for (const listener of eventListeners) {
      try {
        listener(channel, payload);
      } catch (error) {
        log('error', `Event listener failed on ${channel}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  let auth: AuthState = { mode: 'none' };
  let session: Session | null = null;
  let popupOpen = false;
  let requestedView: RequestedView | null = null;

  const trayListeners = new Set<(summary: TraySummary) => void>();
  const fleet = createFleetState({
    onDelta: (delta) => {
      emit(EventChannel.fleetChanged, delta);
      updateTray();
    },
  });
  const tray = createTraySummaryTracker(computeTraySummary(auth, [], fleet.status()));
  function updateTray() {
    const next = tray.update(computeTraySummary(auth, [...fleet.views()], fleet.status()));
    if (next) for (const listener of trayListeners) listener(next);
  }

  const setAuth = (next: AuthState) => {
    auth = next;
    emit(EventChannel.authChanged, next);
    updateTray();
  };

  const createApi = (baseUrl: string, token: string): FleetApi => {
    secrets.add(token);
    return createClient({ ...deps.clientOptions, baseUrl, token, log });
  };

  const tokens = createTokenService({ vault: deps.vault, createApi, baseUrl: () => deps.settings.get().apiBaseUrl });

  // Session changes (token set/clear, demo start/stop, start/stop) run one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  const handleOutcome = (outcome: ActionOutcome) => {
    const safe: ActionOutcome = { ...outcome, message: redact(outcome.message) };
    if (outcome.error?.apiText !== undefined) safe.error = { ...outcome.error, apiText: redact(outcome.error.apiText) };
    emit(EventChannel.actionFinished, safe);
    log(outcome.outcome === 'done' ? 'info' : 'warn', `Action finished: ${safe.message}`);
    const settings = deps.settings.get();
    if (!settings.notifications) return;
    // Worded when shown, so it follows the language setting.
    const messages = messagesForSetting(settings.language, deps.appInfo.systemLocale);
    deps.notifier.notify('VPS.org', redact(outcomeNotice(outcome, messages)));
  };

  const intervalFor = (current: Session): number => {
    const intervals = deps.settings.get().pollIntervals;
    if (current.actions.hasTracked() || fleet.hasBusyServer()) return intervals.fastSeconds * 1000;
    return (popupOpen ? intervals.openSeconds : intervals.idleSeconds) * 1000;
  };

  async function pollOnce(current: Session): Promise<void> {
    const startedAt = now();
    fleet.setStatus({ refreshing: true });
    try {
      const list = await current.api.listServers();
      if (current.ended) return;
      const servers = current.actions.reconcile(list.results, startedAt);
      fleet.applyList(
        current.account.id,
        servers,
        { refreshing: false, loaded: true, lastSuccessAt: now(), stale: null, skipped: list.skipped },
        current.actions.pendingFor,
      );
      current.actions.flushOutcomes();
    } catch (error) {
      if (current.ended) return;
      const mapped = toIpcError(error, redact);
      log('warn', `Refresh failed (${mapped.kind}): ${mapped.message}`);
      const stale: NonNullable<FleetStatus['stale']> = {
        kind: mapped.kind,
        message: mapped.message,
        since: fleet.status().stale?.since ?? now(),
      };
      if (mapped.status !== undefined) stale.status = mapped.status;
      if (mapped.retryAfterSeconds !== undefined) stale.retryAfterSeconds = mapped.retryAfterSeconds;
      fleet.setStatus({ refreshing: false, stale });
      throw error;
    } finally {
      if (!current.ended) current.actions.checkTimeouts();
    }
  }

  function openSession(kind: Session['kind'], account: AccountInfo, api: FleetApi, close?: () => Promise<void>): void {
    const current = { kind, account, api, ended: false } as Session;
    if (close) current.close = close;
    current.actions = createActionTracker({
      accountId: account.id,
      api,
      fleet,
      now,
      onOutcome: handleOutcome,
      onTrackingChanged: () => current.poller.reschedule(),
    });
    const pollerDeps: Parameters<typeof createPoller>[0] = {
      run: () => pollOnce(current),
      intervalMs: () => intervalFor(current),
      now,
      onStopped: () => {
        // 401 while polling: the token is kept in the vault (the user may fix the account and restart,
        // or paste a new token which replaces it) but the session ends and a new token is asked for.
        if (session !== current) return;
        log('warn', 'VPS.org rejected the token; polling stopped.');
        endSession(current);
        setAuth({ mode: 'none', notice: TOKEN_REJECTED_NOTICE });
      },
    };
    if (deps.random) pollerDeps.random = deps.random;
    current.poller = createPoller(pollerDeps);
    session = current;
    log('info', `Session started (${kind}, account ${account.id}).`);
    current.poller.start();
  }

  function endSession(current: Session): Promise<void> {
    if (session === current) session = null;
    if (current.ended) return Promise.resolve();
    current.ended = true;
    current.poller.stop();
    current.actions.dispose();
    fleet.clear();
    return current.close ? current.close().catch(() => undefined) : Promise.resolve();
  }

  const closeSession = () => (session ? endSession(session) : Promise.resolve());

  const openTokenSession = (active: ActiveAccount) => {
    openSession('token', active.account, createApi(active.account.baseUrl, active.token));
    setAuth(authStateOf(active));
  };

  const openDemoSession = async () => {
    const demo = await startDemo({ startSimulator, createApi, speed: deps.demoSpeed });
    openSession('demo', demo.account, demo.api, demo.close);
    setAuth({ mode: 'demo', account: demo.account });
  };

  /** Whether a start without a stored token opens the demo; an open Settings view follows the change. */
  const rememberDemoChoice = (demoMode: boolean) => {
    const current = deps.settings.get();
    if (current.demoMode === demoMode) return;
    const next = applySettingsPatch(current, { demoMode });
    deps.settings.set(next);
    emit(EventChannel.settingsChanged, next);
  };

  /**
   * Back to what the vault holds: the stored token's session, else the demo when asked for and the
   * settings want it (nothing stored and nothing to tell the user), else token setup with any notice.
   */
  const resumeFromVault = async (options: { demoWhenEmpty: boolean }) => {
    const loaded = await tokens.load();
    // A notice means a token was stored: the user has an account, so no later start opens the demo
    // either (a token that could not be decrypted is gone by the next start).
    if (loaded.state.mode === 'none' && loaded.state.notice) rememberDemoChoice(false);
    if (loaded.active) openTokenSession(loaded.active);
    else if (
      options.demoWhenEmpty &&
      deps.settings.get().demoMode &&
      loaded.state.mode === 'none' &&
      !loaded.state.notice
    )
      await openDemoSession();
    else setAuth(loaded.state);
  };

  const requireSession = (): Session => {
    if (!session) throw new IpcFailure('no-token', NO_SESSION_MESSAGE);
    return session;
  };

  const refreshNow = () => session?.poller.refresh() ?? Promise.resolve();

  const powerAction = async (ref: ServerRef, action: PowerAction): Promise<Result<AcceptedAction>> => {
    try {
      return { ok: true, value: await requireSession().actions.power(ref, action) };
    } catch (error) {
      return { ok: false, error: toIpcError(error, redact) };
    }
  };

  const handlers: RouterHandlers = {
    [InvokeChannel.appInfo]: () => ({
      version: deps.appInfo.version,
      platform: deps.appInfo.platform,
      systemLocale: deps.appInfo.systemLocale,
      notices: deps.appInfo.notices ?? [],
    }),
    [InvokeChannel.authState]: () => auth,
    // A page that was (re)created for this opening missed the popupShown event sent while it loaded.
    [InvokeChannel.popupReady]: () => ({ view: requestedView }),
    [InvokeChannel.tokenSet]: (input) =>
      serial(async () => {
        secrets.add(input.token);
        const active = await tokens.setToken(input);
        await closeSession();
        openTokenSession(active);
        return auth;
      }),
    [InvokeChannel.tokenClear]: () =>
      serial(async () => {
        const accountId = session?.kind === 'token' ? session.account.id : DEFAULT_ACCOUNT_ID;
        await tokens.forget(accountId);
        if (session?.kind === 'token') await closeSession();
        if (auth.mode !== 'demo') setAuth({ mode: 'none' });
        return auth;
      }),
    [InvokeChannel.demoStart]: () =>
      serial(async () => {
        if (session?.kind === 'demo') return auth;
        await closeSession();
        await openDemoSession();
        // Chosen from token setup: the next start without a token opens the demo again.
        rememberDemoChoice(true);
        return auth;
      }),
    [InvokeChannel.demoStop]: () =>
      serial(async () => {
        if (session?.kind !== 'demo') return auth;
        await closeSession();
        // The user just left the demo (to connect an account): neither now nor at the next start.
        rememberDemoChoice(false);
        await resumeFromVault({ demoWhenEmpty: false });
        return auth;
      }),
    [InvokeChannel.fleetSubscribe]: () => fleet.snapshot(),
    [InvokeChannel.fleetRefresh]: async () => {
      await refreshNow();
      return fleet.status();
    },
    [InvokeChannel.serversList]: async (filter) => {
      const current = requireSession();
      const list = await current.api.listServers(filter);
      return list.results.map((server) => ({ accountId: current.account.id, id: server.id }));
    },
    [InvokeChannel.serversGet]: async (ref) => {
      const current = requireSession();
      if (ref.accountId !== current.account.id)
        throw new IpcFailure('not-found', 'This server belongs to an account that is not active.');
      const key = refKey(ref);
      try {
        const detail = await current.api.getServer(ref.id);
        if (!current.ended && !current.actions.isTracked(key)) fleet.upsert(current.account.id, detail);
        return detail;
      } catch (error) {
        if (!current.ended && !current.actions.isTracked(key) && toIpcError(error).kind === 'not-found')
          fleet.remove(key);
        throw error;
      }
    },
    [InvokeChannel.serversCreate]: (input) => requireSession().actions.create(input),
    [InvokeChannel.serversReplace]: ({ ref, input }) => requireSession().actions.replace(ref, input),
    [InvokeChannel.serversUpdate]: ({ ref, patch }) => requireSession().actions.update(ref, patch),
    [InvokeChannel.serversDelete]: (ref) => requireSession().actions.remove(ref),
    [InvokeChannel.serversStart]: (ref) => unwrap(powerAction(ref, 'start')),
    [InvokeChannel.serversStop]: (ref) => unwrap(powerAction(ref, 'stop')),
    [InvokeChannel.serversReboot]: (ref) => unwrap(powerAction(ref, 'reboot')),
    [InvokeChannel.settingsGet]: () => deps.settings.get(),
    [InvokeChannel.settingsSet]: (patch) => {
      const next = applySettingsPatch(deps.settings.get(), patch);
      deps.settings.set(next);
      emit(EventChannel.settingsChanged, next);
      // Poll intervals apply at once; apiBaseUrl applies to the next token set (a stored token stays
      // bound to the URL it was checked against, so a page cannot redirect it elsewhere).
      session?.poller.reschedule();
      return next;
    },
    [InvokeChannel.clipboardWrite]: (text) => {
      deps.clipboard.writeText(text);
      return null;
    },
    [InvokeChannel.popupHide]: () => {
      deps.popup.hide();
      return null;
    },
  };

  const router = createRouter(handlers, deps.isTrustedSender ?? (() => false), {
    redact,
    onUnexpectedError: (channel, error) =>
      log(
        'error',
        `Handler ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });

  return {
    router,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    tray: {
      getState: () => tray.get(),
      onChange(listener) {
        trayListeners.add(listener);
        return () => trayListeners.delete(listener);
      },
    },
    start(options = {}) {
      return serial(async () => {
        if (session) return;
        if (options.demo) {
          await openDemoSession();
          return;
        }
        await resumeFromVault({ demoWhenEmpty: true });
      });
    },
    stop() {
      return serial(() => closeSession());
    },
    setPopupOpen(open) {
      const wasOpen = popupOpen;
      popupOpen = open;
      if (open && !wasOpen) emit(EventChannel.popupShown, { view: requestedView });
      if (!open) requestedView = null;
      session?.poller.reschedule();
    },
    requestView(view) {
      requestedView = view;
      if (popupOpen) emit(EventChannel.popupShown, { view });
    },
    refreshNow,
    powerAction,
    system: {
      suspend: () => session?.poller.suspend(),
      resume: () => session?.poller.resume(),
      unlock: () => session?.poller.resume(),
    },
    authState: () => auth,
  };
}

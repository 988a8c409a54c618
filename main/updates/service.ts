// When the app looks for a new version and what it does with one, without Electron: a check at start and
// every few hours while running (when the setting allows), a failed check retried later with backoff and
// only logged, a downloaded version announced once, and a restart only when the user asks for it and no
// power action is being tracked. The Electron edge (main/desktop/updater.ts) supplies the UpdaterPort.
import type { UpdateState, UpdateUnavailableReason } from '../../common/contract';
import type { Log } from '../app-log';

/** What the service needs of an updater (electron-updater's, wrapped by main/desktop/updater.ts). */
export interface UpdaterPort {
  /** null: the app can update itself; else why not (nothing else is then called). */
  readonly unavailable: UpdateUnavailableReason | null;
  /** Asks the feed; resolves the newer version it offers, or null when this one is current. Rejects on failure. */
  check(): Promise<string | null>;
  /** Downloads the version the last check found; resolves when it installs on restart. */
  download(): Promise<void>;
  /** Quits the app and installs the downloaded version. */
  install(): void;
}

/** An updater for an installation that cannot update itself: says why, and is never asked anything. */
export function unavailableUpdater(reason: UpdateUnavailableReason): UpdaterPort {
  const refuse = () => Promise.reject(new Error(`updates are not available here (${reason})`));
  return { unavailable: reason, check: refuse, download: refuse, install: () => {} };
}

/** What the user is told, quietly (a notification, never a dialog). */
export type UpdateMessage =
  { kind: 'ready'; version: string } | { kind: 'up-to-date' } | { kind: 'check-failed' } | { kind: 'restart-waits' };

/** First check after start: the app's own start-up (vault, first poll) goes first. */
export const FIRST_CHECK_DELAY_MS = 30_000;
/** Between checks while running: 4 hours, plus up to 2 hours of jitter so installs do not hit the feed at once. */
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000;
export const CHECK_JITTER_MS = 2 * 60 * 60_000;
/** After a failed check: 5 min, 15 min, 45 min, … never longer than the regular interval. */
export const RETRY_BASE_MS = 5 * 60_000;
const RETRY_FACTOR = 3;

export interface UpdateServiceDeps {
  updater: UpdaterPort;
  /** The "Check for updates automatically" setting, read at each decision. */
  autoCheck(): boolean;
  /** A power action is being tracked: no restart now. */
  hasPendingAction(): boolean;
  /** `manual`: the answer to a check the user asked for. */
  tell(message: UpdateMessage, manual: boolean): void;
  log: Log;
  now?: () => number;
  /** Jitter source, [0, 1). Default Math.random. */
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export type RestartAnswer = 'restarting' | 'action-pending' | 'not-ready';

export interface UpdateService {
  state(): UpdateState;
  /** Returns unsubscribe. */
  onChange(listener: (state: UpdateState) => void): () => void;
  /** Schedules the first check (when automatic checks are on). */
  start(): void;
  stop(): void;
  /** The setting changed: schedule or cancel the automatic checks. */
  settingChanged(): void;
  /** A check now; `manual` tells the user the answer whatever it is. Never rejects. */
  check(manual: boolean): Promise<UpdateState>;
  /** The user asked to restart into the downloaded version. */
  restart(): RestartAnswer;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  const { updater, log } = deps;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const setTimer =
    deps.setTimer ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      // A pending update check is no reason to keep the process alive.
      timer.unref?.();
      return timer;
    });
  const clearTimer = deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));

  let state: UpdateState = { unavailable: updater.unavailable, phase: 'idle', version: null, checkedAt: null };
  const listeners = new Set<(state: UpdateState) => void>();
  let timer: unknown = null;
  let running = false;
  let failures = 0;
  let announced: string | null = null;
  let inFlight: Promise<UpdateState> | null = null;

  const set = (patch: Partial<UpdateState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };

  const cancel = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  /** The next automatic check, if one is due: never once a version is ready (it installs on restart). */
  const schedule = (ms: number) => {
    cancel();
    if (!running || updater.unavailable || !deps.autoCheck() || state.phase === 'ready') return;
    timer = setTimer(() => {
      timer = null;
      void check(false);
    }, ms);
  };

  const regularDelay = () => CHECK_INTERVAL_MS + Math.floor(random() * CHECK_JITTER_MS);
  const retryDelay = () => Math.min(RETRY_BASE_MS * RETRY_FACTOR ** (failures - 1), CHECK_INTERVAL_MS);

  /** One check and, when a version is found, its download. Tells nobody: `report` does, once per run. */
  async function checkAndDownload(): Promise<UpdateState> {
    set({ phase: 'checking' });
    try {
      const version = await updater.check();
      if (version === null) {
        failures = 0;
        set({ phase: 'up-to-date', version: null, checkedAt: now() });
        schedule(regularDelay());
        return state;
      }
      set({ phase: 'downloading', version, checkedAt: now() });
      log('info', `update: version ${version} found, downloading it`);
      await updater.download();
      failures = 0;
      set({ phase: 'ready', version });
      log('info', `update: version ${version} is ready, installed on restart`);
      cancel();
      return state;
    } catch (error) {
      failures += 1;
      const delay = retryDelay();
      set({ phase: 'failed', version: null });
      log('warn', `update: check failed (retrying in ${Math.round(delay / 60_000)} min): ${describe(error)}`);
      schedule(delay);
      return state;
    }
  }

  /** A ready version is announced once; a check the user asked for always gets its answer. */
  function report(result: UpdateState, manual: boolean): void {
    if (result.phase === 'ready' && result.version) {
      if (manual || announced !== result.version) deps.tell({ kind: 'ready', version: result.version }, manual);
      announced = result.version;
    } else if (manual) {
      deps.tell(result.phase === 'up-to-date' ? { kind: 'up-to-date' } : { kind: 'check-failed' }, true);
    }
  }

  let askedManually = false;
  function check(manual: boolean): Promise<UpdateState> {
    if (updater.unavailable) return Promise.resolve(state);
    if (state.phase === 'ready') {
      report(state, manual);
      return Promise.resolve(state);
    }
    // One check at a time: a second ask joins the one in flight (and a manual one gets the answer).
    if (manual) askedManually = true;
    inFlight ??= checkAndDownload().then((result) => {
      const wasManual = askedManually;
      askedManually = false;
      inFlight = null;
      report(result, wasManual);
      return result;
    });
    return inFlight;
  }

  return {
    state: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      running = true;
      schedule(FIRST_CHECK_DELAY_MS);
    },
    stop() {
      running = false;
      cancel();
    },
    settingChanged() {
      if (!deps.autoCheck()) cancel();
      else if (timer === null && inFlight === null) schedule(FIRST_CHECK_DELAY_MS);
    },
    check,
    restart() {
      if (state.phase !== 'ready') return 'not-ready';
      if (deps.hasPendingAction()) {
        log('info', 'update: restart postponed, a power action is being tracked');
        deps.tell({ kind: 'restart-waits' }, true);
        return 'action-pending';
      }
      log('info', `update: restarting into version ${state.version ?? '?'}`);
      updater.install();
      return 'restarting';
    },
  };
}

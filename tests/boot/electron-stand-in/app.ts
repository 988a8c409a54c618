// The stand-in's `app`: ready and quit as Electron orders them, the paths of one temporary profile, and
// the refusals Electron makes when a call comes too early or too late (so a wrong start-up order fails
// here as it would in Electron). See index.ts for what the stand-in is and what it cannot prove.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StandInConfig {
  /** What `app.getAppPath()` answers: the folder holding package.json, dist/ and build/ (the asar's layout). */
  appPath: string;
  /** `app.getPath('userData')`; logs go to its logs/ folder. */
  userData: string;
  systemLocale: string;
  /** What `requestSingleInstanceLock()` answers: false plays a second instance. */
  singleInstanceLock: boolean;
}

let config: StandInConfig | null = null;

/** Call once, before the bundle is imported (it asks for paths as its first lines run). */
export function configureStandIn(next: StandInConfig): void {
  if (config !== null)
    throw new Error('The Electron stand-in plays one app life per module instance (one boot per test file).');
  config = next;
}

function configured(): StandInConfig {
  if (config === null) throw new Error('configureStandIn() must run before the bundle uses electron');
  return config;
}

/** Electron refuses these before `ready`; so does the stand-in. */
export function requireReady(what: string): void {
  if (!app.isReady()) throw new Error(`${what} cannot be used before the app is ready`);
}

/** Electron accepts these only before `ready`. */
export function requireNotReady(what: string): void {
  if (app.isReady()) throw new Error(`${what} must be called before the app is ready`);
}

interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

function preventableEvent(): PreventableEvent {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

type Cleanup = () => Promise<void> | void;

class StandInApp extends EventEmitter {
  readonly isPackaged = false;
  /** What the app asked of the stand-in, for the journeys to read. */
  readonly record = {
    sandboxEnabled: false,
    quitCalls: 0,
    exitCode: null as number | null,
    appUserModelId: null as string | null,
  };
  /** Paths the app moved (setPath, setAppLogsPath), before the configured ones. */
  readonly #paths = new Map<string, string>();

  #ready = false;
  #quitting: Promise<void> | null = null;
  #cleanups: Cleanup[] = [];
  #resolveReady!: () => void;
  readonly #whenReady = new Promise<void>((resolve) => {
    this.#resolveReady = resolve;
  });
  #resolveQuit!: () => void;
  /** Resolves once the app has quit: every window and page closed, `will-quit` emitted. */
  readonly whenQuit = new Promise<void>((resolve) => {
    this.#resolveQuit = resolve;
  });

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  /** The stand-in's side: Electron emits `ready` once the entry script has run. */
  emitReady(): void {
    if (this.#ready) throw new Error('ready was already emitted');
    this.#ready = true;
    this.#resolveReady();
  }

  /** Runs when the app quits, before `will-quit` (windows, pages, the browser). */
  onQuit(cleanup: Cleanup): void {
    this.#cleanups.push(cleanup);
  }

  getAppPath(): string {
    return configured().appPath;
  }

  /** Electron: userData before `ready` (the lock and the profile follow it). */
  setPath(name: string, path: string): void {
    if (name === 'userData') requireNotReady("app.setPath('userData')");
    this.#paths.set(name, path);
  }

  setAppLogsPath(path: string): void {
    this.#paths.set('logs', path);
  }

  getPath(name: string): string {
    const moved = this.#paths.get(name);
    if (moved !== undefined) return moved;
    const userData = this.#paths.get('userData') ?? configured().userData;
    switch (name) {
      case 'userData':
        return userData;
      case 'logs':
        return join(userData, 'logs');
      default:
        // Electron throws for a name it does not know; the stand-in also for ones the app never asked.
        throw new Error(`The Electron stand-in has no path '${name}'`);
    }
  }

  getVersion(): string {
    const json = JSON.parse(readFileSync(join(configured().appPath, 'package.json'), 'utf8')) as { version: string };
    return json.version;
  }

  getSystemLocale(): string {
    return configured().systemLocale;
  }

  requestSingleInstanceLock(): boolean {
    return configured().singleInstanceLock;
  }

  /** Windows: the id toasts and the taskbar group the app under. */
  setAppUserModelId(id: string): void {
    this.record.appUserModelId = id;
  }

  enableSandbox(): void {
    requireNotReady('app.enableSandbox()');
    this.record.sandboxEnabled = true;
  }

  /**
   * As Electron: `before-quit` (a listener may prevent it and call quit() again later), the windows
   * closed, `will-quit`.
   */
  quit(): void {
    this.record.quitCalls += 1;
    if (this.#quitting) return;
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.#quitting = this.#finishQuit();
  }

  /** As Electron's: quits at once, no `before-quit`, with this exit code. */
  exit(code = 0): void {
    this.record.exitCode = code;
    this.#quitting ??= this.#finishQuit();
  }

  async #finishQuit(): Promise<void> {
    for (const cleanup of this.#cleanups.toReversed()) await cleanup();
    this.emit('will-quit', preventableEvent());
    this.#resolveQuit();
  }
}

export const app = new StandInApp();

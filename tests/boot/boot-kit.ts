// What every boot journey shares: boots the BUILT app (global-setup.ts builds it) against the Electron
// stand-in, once per file, and reads what a user would see and what VPS.org would receive: the tray
// (icon, tooltip, menu), the popup window and its Chromium page, the notifications and dialogs, and
// every request that reached an HTTP server in this process (the demo simulator's, or one a journey
// starts), observed at the server through node:diagnostics_channel.
//
// Adding a journey: `const booted = useBootedApp(options)` at the top of a new file. A prepared
// profile goes in `userDataFiles` (settings.json, vault.json as the app writes them), so an upgrade
// or an account stored earlier is a file, not a hook into the app (`profileWithStoredToken`). Another
// account is a simulator the journey starts itself (main/simulator/simulator.ts, on 127.0.0.1, from
// the options function; `afterQuit` closes it) and adds in the popup or stores in the profile; its
// requests show up here under its own port. The tray's icons, tooltips and menus are kept in order
// (`tray().images`, `tooltips`, `menus`), so a change of state and its way back can be read.
// `textsOfProfile` reads every file the app wrote, to show a token is in none of them.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, vi } from 'vitest';
import { app, configureStandIn } from './electron-stand-in/app';
import electronStandIn from './electron-stand-in/index';
import { VAULT_KEY, type VaultData } from '../../main/desktop/vault';
import {
  StandInMenu,
  StandInNotification,
  StandInTray,
  dialogRecord,
  safeStorage,
  standInCiphertext,
  type MessageBoxOptions,
} from './electron-stand-in/desktop';
import { StandInBrowserWindow } from './electron-stand-in/window';

export interface BootOptions {
  /**
   * Files written to the user-data folder before start (JSON values; a string is written as it is, so a
   * file of lines fits, and a path may name a folder: `history/events.jsonl`); none is a first start.
   */
  userDataFiles?: Record<string, unknown>;
  /** What the OS reports as its locale; default en-US. */
  systemLocale?: string;
  /** Runs once the app has quit: e.g. closes a simulator the journey started for it. */
  afterQuit?: () => Promise<void>;
}

/** An account of a prepared profile: its token is checked (and polled) at `baseUrl`. */
export interface ProfileAccount {
  id: string;
  label: string;
  baseUrl: string;
  token: string;
}

/** vault.json holding each account's token as the stand-in's safeStorage encrypts it (main/desktop/vault.ts). */
function vaultFile(accounts: readonly ProfileAccount[]): Record<string, unknown> {
  const vault: VaultData = {
    version: 1,
    activeAccountId: accounts[0]?.id ?? null,
    accounts: Object.fromEntries(
      accounts.map((account) => [
        account.id,
        {
          label: account.label,
          baseUrl: account.baseUrl,
          ciphertext: standInCiphertext(account.token).toString('base64'),
          backend: safeStorage.getSelectedStorageBackend(),
        },
      ]),
    ),
  };
  return { [VAULT_KEY]: vault };
}

/**
 * The profile of a user who stored a token before several accounts: settings.json pointing at
 * `baseUrl` (no accounts list) and the one token in the vault, which the app carries over into the
 * list at start (main/accounts/vault-upgrade.ts).
 */
export function profileWithStoredToken(account: { baseUrl: string; token: string }): Record<string, unknown> {
  const only = { id: 'default', label: 'VPS.org', ...account };
  return { 'settings.json': { apiBaseUrl: account.baseUrl }, 'vault.json': vaultFile([only]) };
}

/**
 * The profile of a user with token accounts, in today's format: settings.json listing them (`accounts`,
 * plus any other `settings`, e.g. where a new account's token is checked: `apiBaseUrl`) and the vault
 * one token per account id.
 */
export function profileWithAccounts(
  accounts: readonly ProfileAccount[],
  settings: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    'settings.json': {
      apiBaseUrl: accounts[0]?.baseUrl,
      ...settings,
      accounts: accounts.map(({ id, label }) => ({ id, label })),
    },
    'vault.json': vaultFile(accounts),
  };
}

/** One request as the receiving server saw it. */
export interface ServerRequest {
  method: string;
  /** Path and query. */
  path: string;
  /** The receiving server's port: tells two simulators apart. */
  port: number;
}

export interface BootedApp {
  readonly app: typeof app;
  /** The user-data folder (settings.json, vault.json, logs/). */
  readonly userData: string;
  /** Every request received by an HTTP server in this process since the boot, oldest first. */
  readonly requests: readonly ServerRequest[];
  /** The app's tray icon (there is exactly one). */
  tray(): StandInTray;
  /** The tray's context menu as set now. */
  trayMenu(): StandInMenu;
  /** The popup window, once the app created it and while it lives. */
  popupWindow(): StandInBrowserWindow | null;
  /** The popup's Chromium page, once it loaded (waits for it). */
  popupPage(): Promise<Page>;
  /** Notifications shown, as title and body, oldest first. */
  notifications(): Array<{ title: string; body: string }>;
  /** The notifications themselves, to click one or press its button. */
  shownNotifications(): readonly StandInNotification[];
  /** Native dialogs shown, oldest first. */
  dialogs(): readonly MessageBoxOptions[];
  /** The user's answer to the next dialog (a button index). */
  answerNextDialog(buttonIndex: number): void;
  /** Quits as the user would (app.quit) and waits until the app has quit. Safe to call twice. */
  quit(): Promise<void>;
}

/** Records every request any node:http server in this process receives, from now until stopped. */
function recordServerRequests(): { requests: ServerRequest[]; stop(): void } {
  const requests: ServerRequest[] = [];
  const onRequest = (message: unknown) => {
    const { request, server } = message as { request: IncomingMessage; server: Server };
    const address = server.address() as AddressInfo | null;
    requests.push({ method: request.method ?? '', path: request.url ?? '', port: address?.port ?? 0 });
  };
  subscribe('http.server.request.start', onRequest);
  return { requests, stop: () => unsubscribe('http.server.request.start', onRequest) };
}

let booted = false;

function readLogFile(userData: string): string {
  try {
    return readFileSync(join(userData, 'logs', 'main.log'), 'utf8');
  } catch {
    return '(no log file)';
  }
}

/**
 * Bundled CommonJS dependencies reach `electron` through `createRequire(import.meta.url)` at run time
 * (electron-updater does), which the vitest alias never sees: Node's require cache answers them with
 * the same stand-in. Returns the removal (a later file in a reused worker must not get this one).
 */
function serveStandInToRequire(bundlePath: string): () => void {
  const requireFromBundle = createRequire(bundlePath);
  const resolved = requireFromBundle.resolve('electron');
  const entry = { id: resolved, filename: resolved, loaded: true, exports: electronStandIn, children: [], paths: [] };
  requireFromBundle.cache[resolved] = entry as unknown as NodeJS.Module;
  if (requireFromBundle('electron') !== electronStandIn) throw new Error('require("electron") missed the stand-in');
  return () => {
    delete requireFromBundle.cache[resolved];
  };
}

/** Boots the built app: configures the stand-in, imports dist/main/index.js, emits `ready`. */
async function bootBuiltApp(options: BootOptions = {}): Promise<BootedApp> {
  if (booted) throw new Error('One boot per test file: the stand-in plays one app life per module instance.');
  booted = true;
  const appDir = inject('bootAppDir');
  const userData = await mkdtemp(join(tmpdir(), 'vps-tray-boot-'));
  for (const [name, content] of Object.entries(options.userDataFiles ?? {})) {
    await mkdir(dirname(join(userData, name)), { recursive: true });
    await writeFile(join(userData, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  configureStandIn({
    appPath: appDir,
    userData,
    systemLocale: options.systemLocale ?? 'en-US',
    singleInstanceLock: true,
  });
  const recorder = recordServerRequests();
  const bundlePath = join(appDir, 'dist', 'main', 'index.js');
  const stopServingRequire = serveStandInToRequire(bundlePath);

  // The entry's top level runs now (lock, handlers, scheme privileges), then Electron emits ready.
  await import(/* @vite-ignore */ bundlePath);
  app.emitReady();
  await vi.waitFor(
    () => {
      if (StandInTray.all.length > 0) return;
      // A start-up that failed quits at once and says why in its log.
      if (app.record.quitCalls > 0) throw new Error(`the app quit while starting:\n${readLogFile(userData)}`);
      throw new Error('the app has not created its tray yet');
    },
    { timeout: 10_000 },
  );

  let quitting: Promise<void> | null = null;
  const handle: BootedApp = {
    app,
    userData,
    requests: recorder.requests,
    tray() {
      const [tray, ...others] = StandInTray.all;
      if (!tray || others.length > 0) throw new Error(`expected one tray, the app made ${StandInTray.all.length}`);
      return tray;
    },
    trayMenu() {
      const menu = handle.tray().contextMenu;
      if (!menu) throw new Error('the tray has no context menu');
      return menu;
    },
    popupWindow() {
      return StandInBrowserWindow.getAllWindows().at(-1) ?? null;
    },
    async popupPage() {
      return vi.waitFor(
        () => {
          const page = handle.popupWindow()?.webContents.page;
          if (!page) throw new Error('the popup has no page yet');
          return page;
        },
        { timeout: 10_000 },
      );
    },
    notifications: () => StandInNotification.shown.map(({ title, body }) => ({ title, body })),
    shownNotifications: () => StandInNotification.shown,
    dialogs: () => dialogRecord.shown,
    answerNextDialog: (buttonIndex) => void dialogRecord.answers.push(buttonIndex),
    quit() {
      quitting ??= (async () => {
        app.quit();
        await app.whenQuit;
        recorder.stop();
        stopServingRequire();
        await options.afterQuit?.();
        await rm(userData, { recursive: true, force: true });
      })();
      return quitting;
    },
  };
  return handle;
}

/**
 * Boots the app in beforeAll and quits it in afterAll; returns the booted app for the tests. Call
 * once per file, at the top level. Options that need something started first (a simulator) come
 * from a function, run in beforeAll.
 */
export function useBootedApp(options: BootOptions | (() => Promise<BootOptions>) = {}): () => BootedApp {
  let current: BootedApp | null = null;
  beforeAll(async () => {
    current = await bootBuiltApp(typeof options === 'function' ? await options() : options);
  });
  afterAll(async () => {
    await current?.quit();
  });
  return () => {
    if (!current) throw new Error('useBootedApp(): the app boots in beforeAll; use it inside a test.');
    return current;
  };
}

/** Requests that change something (everything but GET and HEAD). */
export function writesIn(requests: readonly ServerRequest[]): ServerRequest[] {
  return requests.filter((request) => request.method !== 'GET' && request.method !== 'HEAD');
}

/**
 * Asks for a poll now (the tray's Refresh) and waits until a server answered it: anything a later
 * poll would add (a second notification) has had its chance.
 */
export async function oneMorePoll(running: BootedApp): Promise<void> {
  const before = running.requests.length;
  running.trayMenu().find('Refresh').click();
  await expect.poll(() => running.requests.slice(before).some((request) => request.method === 'GET')).toBe(true);
  // The answer is read and reconciled after the request arrived.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Every file in the profile folder (settings, vault, logs, anything else the app wrote) and its text. */
export function textsOfProfile(userData: string): Array<{ file: string; text: string }> {
  return readdirSync(userData, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(userData, file)).isFile())
    .map((file) => ({ file, text: readFileSync(join(userData, file), 'utf8') }));
}

// main/index.ts and the main/desktop/*-setup.ts it composes, with a fake `electron` module and a fake
// core: proves the wiring a user depends on (single instance, popup window hardening, tray -> popup,
// IPC sender URL, power events, clean quit) without the Electron binary.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core, CoreDeps, CoreEventListener } from '../main/core';
import type { TraySummary } from '../main/tray/summary';
import { settingsPayload } from '../main/features/settings';
import { DEFAULT_GLOBAL_SHORTCUT } from '../common/settings';
import {
  EventChannel,
  InvokeChannel,
  type AppNotice,
  type EventPayload,
  type RequestedView,
  type Result,
  type ShortcutStatus,
  type UpdateState,
} from '../common/contract';

type Listener = (...args: never[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    }
  }

  const calls: Array<[string, ...unknown[]]> = [];
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };

  class FakeWebContents extends Emitter {
    sent: unknown[][] = [];
    reloads = 0;
    reload() {
      this.reloads += 1;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    visible = false;
    destroyed = false;
    loaded: string | null = null;
    position: [number, number] | null = null;
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {}
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isVisible() {
      return this.visible;
    }
    getSize() {
      return [380, 540];
    }
    setPosition(x: number, y: number) {
      this.position = [x, y];
    }
  }
  class FakeTray extends Emitter {
    static instances: FakeTray[] = [];
    menu: { template: Array<{ label?: string; click?: () => void }> } | null = null;
    contextMenuSets = 0;
    tooltip = '';
    constructor(public image: unknown) {
      super();
      FakeTray.instances.push(this);
    }
    setContextMenu(menu: FakeTray['menu']) {
      this.menu = menu;
      this.contextMenuSets += 1;
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setImage(image: unknown) {
      this.image = image;
    }
    getBounds() {
      return { x: 0, y: 0, width: 0, height: 0 };
    }
    popUpContextMenu() {}
    destroy() {}
  }

  class FakeNativeTheme extends Emitter {
    shouldUseDarkColors = false;
    removeListener(event: string, listener: Listener) {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((known) => known !== listener),
      );
      return this;
    }
  }

  const state = { lock: true, userData: '', resolveReady: () => {} };
  let ready = Promise.resolve();
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    dock: undefined,
    requestSingleInstanceLock: () => state.lock,
    enableSandbox: record('app.enableSandbox'),
    quit: record('app.quit'),
    whenReady: () => ready,
    getAppPath: () => '/opt/vps-tray',
    getPath: () => state.userData,
    getVersion: () => '0.1.0',
    getSystemLocale: () => 'cs-CZ',
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: record('app.setLoginItemSettings'),
    exit: record('app.exit'),
  });
  // The OS's global shortcuts: what the app holds, and those another app holds (register says no).
  const globalShortcuts = new Map<string, () => void>();
  const takenShortcuts = new Set<string>();
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: {
      setApplicationMenu: record('Menu.setApplicationMenu'),
      buildFromTemplate: (template: unknown) => ({ template }),
    },
    nativeImage: { createFromPath: (path: string) => ({ path, setTemplateImage: () => {} }) },
    screen: {
      getCursorScreenPoint: () => ({ x: 1300, y: 10 }),
      getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 27, width: 1920, height: 1053 } }),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: record('onHeadersReceived') },
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(['protocol.handle', scheme]);
        protocolHandlers.set(scheme, handler);
      },
    },
    powerMonitor: new Emitter(),
    nativeTheme: new FakeNativeTheme(),
    globalShortcut: {
      register: (accelerator: string, callback: () => void) => {
        calls.push(['globalShortcut.register', accelerator]);
        if (takenShortcuts.has(accelerator)) return false;
        globalShortcuts.set(accelerator, callback);
        return true;
      },
      unregister: (accelerator: string) => {
        calls.push(['globalShortcut.unregister', accelerator]);
        globalShortcuts.delete(accelerator);
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) =>
        ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: () => {},
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(text, 'utf8').map((b) => b ^ 0x33),
      decryptStringAsync: async (data: Buffer) => ({
        shouldReEncrypt: false,
        result: Buffer.from(data.map((b) => b ^ 0x33)).toString('utf8'),
      }),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    Notification: Object.assign(
      function Notification(options: { title: string; body: string }) {
        calls.push(['Notification', options]);
        return { show: () => calls.push(['Notification.show']), on: () => {} };
      },
      { isSupported: () => true },
    ),
    clipboard: { writeText: record('clipboard.writeText') },
    dialog: { showMessageBox: async () => ({ response: 1 }), showErrorBox: record('dialog.showErrorBox') },
    shell: {
      openPath: async (path: string) => {
        calls.push(['shell.openPath', path]);
        return '';
      },
    },
  };
  return {
    electron,
    calls,
    state,
    ipcHandlers,
    protocolHandlers,
    globalShortcuts,
    takenShortcuts,
    FakeBrowserWindow,
    FakeTray,
    reset() {
      calls.length = 0;
      app.isPackaged = false;
      ipcHandlers.clear();
      protocolHandlers.clear();
      globalShortcuts.clear();
      takenShortcuts.clear();
      FakeBrowserWindow.instances = [];
      FakeTray.instances = [];
      app.listeners.clear();
      electron.powerMonitor.listeners.clear();
      electron.nativeTheme.listeners.clear();
      electron.nativeTheme.shouldUseDarkColors = false;
      ready = new Promise<void>((resolve) => (state.resolveReady = resolve));
    },
    createdCores: [] as Array<{ deps: unknown; core: unknown }>,
  };
});

vi.mock('electron', () => ({ ...h.electron, default: h.electron }));

const summary: TraySummary = {
  icon: 'ok',
  headline: { kind: 'counts', counts: { running: 1, stopped: 0, busy: 0, suspended: 0, other: 0 } },
  auth: 'token',
  stale: false,
  serverCount: 1,
  servers: [
    {
      ref: { accountId: 'a', id: 1 },
      name: 'web-01',
      status: 'active',
      ip: '203.0.113.10',
      pending: false,
      actions: ['stop', 'reboot'],
    },
  ],
};

const updateState: UpdateState = { unavailable: null, phase: 'up-to-date', version: null, checkedAt: null };

function fakeCore() {
  const log: string[] = [];
  const eventListeners: CoreEventListener[] = [];
  const core = {
    router: {
      channels: Object.values(InvokeChannel),
      handle: async (channel: string, _payload: unknown, sender: { url: string }): Promise<Result<unknown>> => {
        log.push(`handle ${channel} ${sender.url}`);
        return { ok: true, value: null };
      },
    },
    onEvent: (listener: CoreEventListener) => {
      eventListeners.push(listener);
      return () => {};
    },
    tray: { getState: () => summary, onChange: () => () => {} },
    start: async (options?: { demo?: boolean }) => {
      log.push(`start demo=${options?.demo ?? false}`);
    },
    stop: async () => {
      log.push('stop');
    },
    setPopupOpen: (open: boolean) => log.push(`popupOpen ${open}`),
    requestView: (view: RequestedView) => log.push(`requestView ${view}`),
    addNotice: (notice: AppNotice) => log.push(`notice ${notice.code}`),
    reportShortcut: (status: ShortcutStatus) => log.push(`shortcut ${status.state}`),
    refreshNow: async () => {},
    powerAction: async () => ({ ok: true as const, value: { message: '' } }),
    system: { suspend: () => log.push('suspend'), resume: () => log.push('resume'), unlock: () => log.push('unlock') },
    authState: () => ({ mode: 'none' as const }),
    updates: {
      state: () => updateState,
      onChange: () => () => {},
      checkNow: async () => {
        log.push('updates.checkNow');
        return updateState;
      },
      restart: () => {
        log.push('updates.restart');
        return 'restarting' as const;
      },
    },
    alerts: {
      snapshot: () => ({ servers: {}, pauseAll: null, attention: [] }),
      setExpectation: () => ({ servers: {}, pauseAll: null, attention: [] }),
      acknowledge: () => ({ servers: {}, pauseAll: null, attention: [] }),
      pause: () => ({ servers: {}, pauseAll: null, attention: [] }),
    },
  } satisfies Core;
  const emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    for (const listener of eventListeners) listener(channel, payload);
  };
  return { core, log, emit };
}

let current: ReturnType<typeof fakeCore>;
let captured: CoreDeps | null = null;
vi.mock('../main/core', () => ({
  createCore: (deps: CoreDeps) => {
    captured = deps;
    return current.core;
  },
}));

// The unsigned-build check (its own test: tests/desktop/mac-signature-setup.test.ts): when it is set up,
// and where its notice goes.
const macCheck = vi.hoisted(() => ({
  calls: [] as Array<{ traysAtCall: number; addNotice: (notice: AppNotice) => void }>,
}));
vi.mock('../main/desktop/mac-signature-setup', () => ({
  setupMacSignatureNotice: (deps: { addNotice: (notice: AppNotice) => void }) => {
    macCheck.calls.push({ traysAtCall: h.FakeTray.instances.length, addNotice: deps.addNotice });
    return () => {};
  },
}));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

// main/index.ts installs handlers on the real process: each test removes the ones it added.
const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type ProcessEvent = (typeof PROCESS_EVENTS)[number];
type ProcessHandler = (reason: unknown) => void;
/** Both events' listeners, as the one shape main/index.ts installs (a failure in, nothing out). */
const processListeners = (event: ProcessEvent): ProcessHandler[] =>
  (event === 'uncaughtException'
    ? process.listeners('uncaughtException')
    : process.listeners('unhandledRejection')) as ProcessHandler[];
let processListenersBefore = new Map<ProcessEvent, ProcessHandler[]>();
const addedProcessListeners = (event: ProcessEvent) =>
  processListeners(event).filter((listener) => !processListenersBefore.get(event)?.includes(listener));

beforeEach(() => {
  processListenersBefore = new Map(PROCESS_EVENTS.map((event) => [event, processListeners(event)]));
  vi.resetModules();
  h.reset();
  h.state.userData = mkdtempSync(join(tmpdir(), 'vps-userdata-'));
  h.state.lock = true;
  current = fakeCore();
  captured = null;
  macCheck.calls.length = 0;
});
afterEach(() => {
  for (const event of PROCESS_EVENTS) {
    for (const listener of addedProcessListeners(event)) process.off(event, listener as never);
  }
  rmSync(h.state.userData, { recursive: true, force: true });
});

const shortcutCalls = () => h.calls.filter((call) => call[0].startsWith('globalShortcut.'));

async function startApp() {
  await import('../main/index');
  h.state.resolveReady();
  await flush();
  await flush();
}

describe('composition root', () => {
  it('sets the unsigned-build check up once, after the tray exists; its notice goes to the core', async () => {
    await startApp();
    expect(macCheck.calls.map((call) => call.traysAtCall)).toEqual([1]);
    macCheck.calls[0]!.addNotice({ code: 'notifications-unsigned', version: '0.1.0' });
    expect(current.log).toContain('notice notifications-unsigned');
  });

  it('a second instance quits at once and builds nothing', async () => {
    h.state.lock = false;
    await import('../main/index');
    h.state.resolveReady();
    await flush();
    expect(h.calls.map((c) => c[0])).toEqual(['Menu.setApplicationMenu', 'app.enableSandbox', 'app.quit']);
    expect(h.FakeTray.instances).toHaveLength(0);
    expect(captured).toBeNull();
  });

  it('removes the application menu before ready, then wires core, tray, IPC and security', async () => {
    await import('../main/index');
    expect(h.calls.slice(0, 2)).toEqual([['Menu.setApplicationMenu', null], ['app.enableSandbox']]);
    // The popup's scheme is declared privileged before ready (Electron accepts it only then).
    expect(h.calls.filter((c) => c[0].startsWith('protocol.'))).toEqual([
      [
        'protocol.registerSchemesAsPrivileged',
        [{ scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } }],
      ],
    ]);
    expect(h.FakeTray.instances).toHaveLength(0);
    h.state.resolveReady();
    await flush();
    await flush();

    expect(current.log).toContain('start demo=false');
    expect(h.FakeTray.instances).toHaveLength(1);
    // The fake OS locale is Czech and the language setting is 'auto'.
    expect(h.FakeTray.instances[0]!.tooltip).toBe('VPS.org — 1 server běží');
    expect([...h.ipcHandlers.keys()].toSorted()).toEqual(Object.values(InvokeChannel).toSorted());
    expect(h.calls.map((c) => c[0])).toEqual(
      expect.arrayContaining(['onHeadersReceived', 'setPermissionRequestHandler', 'setPermissionCheckHandler']),
    );
    expect(h.calls.filter((c) => c[0] === 'protocol.handle')).toEqual([['protocol.handle', 'app']]);
    // No window until the user opens the popup.
    expect(h.FakeBrowserWindow.instances).toHaveLength(0);
    expect(captured?.appInfo).toEqual({
      version: '0.1.0',
      platform: process.platform,
      systemLocale: 'cs-CZ',
      notices: [],
    });
  });

  it('starts with corrupt settings.json and vault.json: both moved aside, both reported to the popup', async () => {
    const settingsBytes = '{"language": "cs", ';
    const vaultBytes = '{"tokenVault": {"version": 1, "accounts": {';
    writeFileSync(join(h.state.userData, 'settings.json'), settingsBytes);
    writeFileSync(join(h.state.userData, 'vault.json'), vaultBytes);
    await startApp();

    expect(h.calls.filter((c) => c[0] === 'app.quit')).toEqual([]);
    expect(current.log).toContain('start demo=false');
    const notices = captured!.appInfo.notices ?? [];
    expect(notices.map((notice) => notice.code)).toEqual(['settings-reset', 'vault-reset']);
    const backups = notices.map((notice) => ('backupPath' in notice ? notice.backupPath : ''));
    expect(readFileSync(backups[0]!, 'utf8')).toBe(settingsBytes);
    expect(readFileSync(backups[1]!, 'utf8')).toBe(vaultBytes);
    expect(backups.every((path) => path.startsWith(h.state.userData))).toBe(true);
    // The vault opened empty: the popup asks for a token.
    await expect(captured!.vault.load()).resolves.toEqual({ status: 'none' });
    expect(existsSync(join(h.state.userData, 'settings.json'))).toBe(true);
  });

  it('trusts only the bundled popup page as IPC sender and passes the frame URL on', async () => {
    await startApp();
    const page = 'app://popup/index.html';
    const trusted = captured!.isTrustedSender!;
    expect(trusted({ url: page })).toBe(true);
    expect(trusted({ url: 'file:///opt/vps-tray/dist/renderer/index.html' })).toBe(false);
    expect(trusted({ url: 'https://evil.example/dist/renderer/index.html' })).toBe(false);
    expect(trusted({ url: 'file:///tmp/other.html' })).toBe(false);
    await h.ipcHandlers.get(InvokeChannel.fleetRefresh)!({ senderFrame: { url: page } }, undefined);
    expect(current.log).toContain(`handle ${InvokeChannel.fleetRefresh} ${page}`);
  });

  it('opens a hardened popup window from the tray menu, next to the tray', async () => {
    await startApp();
    const tray = h.FakeTray.instances[0]!;
    const open = tray.menu!.template.find((item) => /^(Open|Otevřít)( VPS\.org Tray)?$/.test(item.label ?? ''));
    open!.click!();
    await flush();
    expect(h.FakeBrowserWindow.instances).toHaveLength(1);
    const window = h.FakeBrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({
      show: false,
      frame: false,
      resizable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      webPreferences: {
        preload: join('/opt/vps-tray', 'dist', 'preload', 'index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        v8CacheOptions: 'bypassHeatCheck',
        // Development (the fake app is not packaged): DevTools stay available.
        devTools: true,
      },
    });
    // Served by the app: scheme, never loaded as a file.
    expect(window.loaded).toBe('app://popup/index.html');
    expect(window.visible).toBe(true);
    expect(window.position).toEqual([1110, 27]);
    expect(current.log).toContain('popupOpen true');
  });

  it('serves the popup page through the app: scheme from the built renderer folder only', async () => {
    await startApp();
    const handler = h.protocolHandlers.get('app')!;
    // The fake app path does not exist: a file inside is looked up (404), one outside is refused (403).
    const inside = await handler(new Request('app://popup/index.html'));
    expect(inside.status).toBe(404);
    const outside = await handler(new Request('app://popup/..%2F..%2Fpackage.json'));
    expect(outside.status).toBe(403);
    expect(outside.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('has no DevTools in the packaged app', async () => {
    // Packaged: tray icons come from resources/, and launch at login writes under XDG_CONFIG_HOME.
    const configHome = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = h.state.userData;
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/vps-tray/resources', configurable: true });
    h.electron.app.isPackaged = true;
    try {
      await startApp();
      h.electron.app.emit('second-instance', {}, ['vps-org-tray']);
      expect(h.FakeBrowserWindow.instances[0]!.options).toMatchObject({
        webPreferences: { devTools: false, contextIsolation: true, sandbox: true },
      });
      expect(h.FakeBrowserWindow.instances[0]!.loaded).toBe('app://popup/index.html');
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
      if (configHome === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = configHome;
    }
  });

  it("the tray's Settings… asks for the settings view, then shows the popup", async () => {
    await startApp();
    const tray = h.FakeTray.instances[0]!;
    // The label may be localised (the test's system locale is Czech).
    const settings = tray.menu!.template.find((item) => /^(Settings|Nastavení)/.test(item.label ?? ''));
    settings!.click!();
    await flush();
    expect(h.FakeBrowserWindow.instances[0]!.visible).toBe(true);
    const order = current.log.filter((line) => line === 'requestView settings' || line === 'popupOpen true');
    expect(order).toEqual(['requestView settings', 'popupOpen true']);
  });

  it('a second launch with --toggle toggles the popup; without it, shows it', async () => {
    await startApp();
    h.electron.app.emit('second-instance', {}, ['vps-org-tray', '--toggle']);
    expect(h.FakeBrowserWindow.instances[0]!.visible).toBe(true);
    h.electron.app.emit('second-instance', {}, ['vps-org-tray', '--toggle']);
    expect(h.FakeBrowserWindow.instances[0]!.visible).toBe(false);
    h.electron.app.emit('second-instance', {}, ['vps-org-tray']);
    expect(h.FakeBrowserWindow.instances[0]!.visible).toBe(true);
  });

  describe('global shortcut', () => {
    beforeEach(() => void vi.stubEnv('XDG_SESSION_TYPE', 'x11'));
    afterEach(() => void vi.unstubAllEnvs());

    it('registers the setting at start; pressing it asks for the search, then shows the popup', async () => {
      await startApp();
      expect(shortcutCalls()).toEqual([['globalShortcut.register', DEFAULT_GLOBAL_SHORTCUT]]);
      expect(current.log).toContain('shortcut active');
      h.globalShortcuts.get(DEFAULT_GLOBAL_SHORTCUT)!();
      await flush();
      expect(h.FakeBrowserWindow.instances[0]!.visible).toBe(true);
      const order = current.log.filter((line) => line === 'requestView search' || line === 'popupOpen true');
      expect(order).toEqual(['requestView search', 'popupOpen true']);
    });

    it('moves to a changed shortcut (other settings changes leave it alone) and releases it on quit', async () => {
      await startApp();
      const settings = captured!.settings;
      settings.set({ ...settings.get(), notifications: false });
      current.emit(EventChannel.settingsChanged, settingsPayload(settings.get()));
      settings.set({ ...settings.get(), globalShortcut: 'Alt+Shift+F9' });
      current.emit(EventChannel.settingsChanged, settingsPayload(settings.get()));
      expect(shortcutCalls()).toEqual([
        ['globalShortcut.register', DEFAULT_GLOBAL_SHORTCUT],
        ['globalShortcut.unregister', DEFAULT_GLOBAL_SHORTCUT],
        ['globalShortcut.register', 'Alt+Shift+F9'],
      ]);
      expect([...h.globalShortcuts.keys()]).toEqual(['Alt+Shift+F9']);
      h.electron.app.emit('will-quit');
      expect(h.globalShortcuts.size).toBe(0);
    });

    it('a shortcut another app holds is reported and logged; start-up goes on', async () => {
      h.takenShortcuts.add(DEFAULT_GLOBAL_SHORTCUT);
      const lines: string[] = [];
      const spy = vi.spyOn(console, 'warn').mockImplementation((line: unknown) => void lines.push(String(line)));
      try {
        await startApp();
      } finally {
        spy.mockRestore();
      }
      expect(current.log).toContain('shortcut failed');
      expect(current.log).toContain('start demo=false');
      expect(h.FakeTray.instances).toHaveLength(1);
      expect(lines.join('\n')).toContain(`global shortcut ${DEFAULT_GLOBAL_SHORTCUT} not registered`);
    });
  });

  it('the tray icon follows the panel: light icons once the desktop turns dark, and back', async () => {
    vi.stubEnv('XDG_CURRENT_DESKTOP', 'KDE');
    try {
      await startApp();
      const tray = h.FakeTray.instances[0]!;
      const iconFile = () => (tray.image as { path: string }).path.split(/[\\/]/).at(-1);
      // Linux here (the suite runs on Linux); macOS would keep its Template image.
      expect(iconFile()).toBe('tray-okOnLight.png');
      h.electron.nativeTheme.shouldUseDarkColors = true;
      h.electron.nativeTheme.emit('updated');
      expect(iconFile()).toBe('tray-okOnDark.png');
      h.electron.nativeTheme.shouldUseDarkColors = false;
      h.electron.nativeTheme.emit('updated');
      expect(iconFile()).toBe('tray-okOnLight.png');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('one redactor for every log line: a token the core learns never reaches what the edge logs', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      await startApp();
      const deps = captured!;
      deps.redactor!.add('tok_live_0123456789');
      // The log the core gets is the one every setupX() got (vault, stores, IPC, tray, login item).
      deps.log!('error', 'vault: saving tok_live_0123456789 failed');
      expect(lines).toEqual(['[vps-tray] vault: saving [redacted] failed']);
    } finally {
      spy.mockRestore();
    }
  });

  it('writes every log line to main.log in the log folder as well, redacted', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await startApp();
      captured!.redactor!.add('tok_live_0123456789');
      captured!.log!('error', 'vault: saving tok_live_0123456789 failed');
      // The fake app.getPath answers the temporary folder for 'logs' too.
      const file = readFileSync(join(h.state.userData, 'main.log'), 'utf8');
      expect(file).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR \[vps-tray\] vault: saving \[redacted\] failed\n$/);
    } finally {
      spy.mockRestore();
    }
  });

  it('a second instance installs no process handlers and writes no log file', async () => {
    h.state.lock = false;
    await import('../main/index');
    expect(addedProcessListeners('uncaughtException')).toHaveLength(0);
    expect(addedProcessListeners('unhandledRejection')).toHaveLength(0);
  });

  it('logs uncaught exceptions and unhandled rejections with their stack, and keeps running', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await startApp();
      const [onException] = addedProcessListeners('uncaughtException');
      const [onRejection] = addedProcessListeners('unhandledRejection');
      onException!(new Error('menu click blew up'));
      onRejection!(new Error('request blew up'));
      const file = readFileSync(join(h.state.userData, 'main.log'), 'utf8');
      // The stack on the same line, its line breaks escaped (app-log.ts): one entry, one line.
      expect(file).toMatch(/ERROR \[vps-tray\] uncaught exception: Error: menu click blew up\\n\s+at /);
      expect(file).toMatch(/ERROR \[vps-tray\] unhandled rejection: Error: request blew up\\n\s+at /);
      expect(h.calls.filter((c) => c[0] === 'app.quit')).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it("the tray's Open log folder opens the log folder", async () => {
    await startApp();
    const tray = h.FakeTray.instances[0]!;
    tray.menu!.template.find((item) => item.label === 'Otevřít složku s logy')!.click!();
    await flush();
    expect(h.calls.filter((c) => c[0] === 'shell.openPath')).toEqual([['shell.openPath', h.state.userData]]);
  });

  it('keeps the last warnings and errors, redacted, for Copy diagnostics; a development run does not update', async () => {
    const spies = [
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'info').mockImplementation(() => {}),
    ];
    try {
      await startApp();
      captured!.redactor!.add('tok_live_0123456789');
      captured!.log!('info', 'not an error');
      captured!.log!('warn', 'refresh with tok_live_0123456789 failed');
      expect(captured!.diagnostics!.recentLines!().map(({ level, line }) => `${level} ${line}`)).toEqual([
        'warn refresh with [redacted] failed',
      ]);
      expect(captured!.diagnostics!.environment!.platform).toBe(process.platform);
      expect(captured!.updater!.unavailable).toBe('development');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("the tray's Check for updates asks the core", async () => {
    await startApp();
    const tray = h.FakeTray.instances[0]!;
    // The fake system locale is Czech.
    tray.menu!.template.find((item) => item.label === 'Zkontrolovat aktualizace')!.click!();
    await flush();
    expect(current.log).toContain('updates.checkNow');
  });

  it('reloads a crashed popup renderer once, then only reports it', async () => {
    const spies = [
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'error').mockImplementation(() => {}),
    ];
    try {
      await startApp();
      h.electron.app.emit('second-instance', {}, ['vps-org-tray']);
      const webContents = h.FakeBrowserWindow.instances[0]!.webContents;
      webContents.emit('render-process-gone', {}, { reason: 'crashed' });
      expect(webContents.reloads).toBe(1);
      webContents.emit('unresponsive');
      expect(webContents.reloads).toBe(1);
      const file = readFileSync(join(h.state.userData, 'main.log'), 'utf8');
      expect(file).toContain('WARN [vps-tray] popup renderer gone (crashed): reloading it');
      expect(file).toContain('ERROR [vps-tray] popup renderer unresponsive again after a reload: not reloading it');
      // Told once, in the user's language (the fake system locale is Czech).
      webContents.emit('render-process-gone', {}, { reason: 'crashed' });
      expect(h.calls.filter((c) => c[0].startsWith('Notification'))).toEqual([
        ['Notification', expect.objectContaining({ title: 'Okno VPS.org Tray přestalo fungovat' })],
        ['Notification.show'],
      ]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('passes suspend / resume / unlock to the core', async () => {
    await startApp();
    h.electron.powerMonitor.emit('suspend');
    h.electron.powerMonitor.emit('resume');
    h.electron.powerMonitor.emit('unlock-screen');
    expect(current.log.filter((l) => ['suspend', 'resume', 'unlock'].includes(l))).toEqual([
      'suspend',
      'resume',
      'unlock',
    ]);
  });

  it('stops the core before quitting', async () => {
    await startApp();
    let prevented = 0;
    h.electron.app.emit('before-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    await flush();
    expect(current.log).toContain('stop');
    expect(h.calls.filter((c) => c[0] === 'app.quit')).toHaveLength(1);
    // The second before-quit (from that app.quit) goes through.
    h.electron.app.emit('before-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
  });

  it('rebuilds the tray menu when the confirmation settings change', async () => {
    await startApp();
    const tray = h.FakeTray.instances[0]!;
    const before = tray.contextMenuSets;
    const settings = captured!.settings;
    settings.set({ ...settings.get(), confirmations: { start: false, stop: false, reboot: false } });
    current.emit(EventChannel.settingsChanged, settingsPayload(settings.get()));
    expect(tray.contextMenuSets).toBe(before + 1);
    current.emit(EventChannel.settingsChanged, settingsPayload(settings.get()));
    expect(tray.contextMenuSets).toBe(before + 1);
  });

  it('switches the tray to the language set, rebuilding the menu once', async () => {
    await startApp();
    const tray = h.FakeTray.instances[0]!;
    const before = tray.contextMenuSets;
    expect(tray.menu!.template.map((item) => item.label)).toContain('Ukončit');
    const settings = captured!.settings;
    settings.set({ ...settings.get(), language: 'en' });
    current.emit(EventChannel.settingsChanged, settingsPayload(settings.get()));
    current.emit(EventChannel.settingsChanged, settingsPayload(settings.get()));
    expect(tray.contextMenuSets).toBe(before + 1);
    expect(tray.menu!.template.map((item) => item.label)).toContain('Quit');
    expect(tray.tooltip).toBe('VPS.org — 1 running');
  });

  it('a packaged build started with --remote-debugging-port says why and quits before anything else', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--remote-debugging-port=9222'];
    h.electron.app.isPackaged = true;
    try {
      await startApp();
    } finally {
      process.argv = argv;
    }
    expect(h.calls.map((c) => c[0])).toEqual(['dialog.showErrorBox', 'app.exit']);
    expect(h.calls[1]).toEqual(['app.exit', 1]);
    expect(captured).toBeNull();
  });

  it('--demo starts the core in demo mode', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--demo'];
    try {
      await startApp();
    } finally {
      process.argv = argv;
    }
    expect(current.log).toContain('start demo=true');
  });
});

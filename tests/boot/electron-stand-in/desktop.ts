// The stand-in's desktop surface: tray, menus, images, notifications, dialogs, shell, clipboard,
// screen, power and theme events, global shortcuts and the keychain. Each records what the app did
// with it and offers the user's side (a click, a dialog answer, a theme change) as a method. Nothing
// here touches the OS. See index.ts for what that cannot prove.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { requireReady } from './app';

// ---- nativeImage ------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An image the app made: where from, and whether Electron would have found a picture there. */
export class StandInImage {
  #template = false;
  readonly #empty: boolean;

  constructor(
    /** The file it was read from ('' when not from a file). */
    readonly path: string,
    empty: boolean,
  ) {
    this.#empty = empty;
  }

  /** The file name, e.g. `tray-demoOnLight.png`. */
  get fileName(): string {
    return basename(this.path);
  }

  /** Electron gives an empty image for a missing or unreadable file, without an error. */
  isEmpty(): boolean {
    return this.#empty;
  }

  setTemplateImage(template: boolean): void {
    this.#template = template;
  }

  isTemplateImage(): boolean {
    return this.#template;
  }
}

function isPngFile(path: string): boolean {
  if (!existsSync(path)) return false;
  return readFileSync(path).subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

export const nativeImage = {
  createFromPath: (path: string) => new StandInImage(path, !isPngFile(path)),
  createEmpty: () => new StandInImage('', true),
};

// ---- Menu -------------------------------------------------------------------------------------

export interface StandInMenuItemOptions {
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  label?: string;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  click?: (item: StandInMenuItem, window: undefined, event: Record<string, never>) => void;
  submenu?: StandInMenuItemOptions[] | StandInMenu;
  role?: string;
  accelerator?: string;
}

const MENU_ITEM_TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio']);

export class StandInMenuItem {
  readonly type: NonNullable<StandInMenuItemOptions['type']>;
  readonly label: string;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly submenu: StandInMenu | null;
  readonly #onClick: StandInMenuItemOptions['click'];

  constructor(options: StandInMenuItemOptions) {
    if (options.type !== undefined && !MENU_ITEM_TYPES.has(options.type))
      throw new Error(`Unknown menu item type: ${String(options.type)}`);
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.label = options.label ?? '';
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    const submenu = options.submenu;
    this.submenu =
      submenu === undefined ? null : submenu instanceof StandInMenu ? submenu : StandInMenu.buildFromTemplate(submenu);
    this.#onClick = options.click;
  }

  /** The user's click: only on an item the native menu would let them click. */
  click(): void {
    if (this.type === 'separator' || this.type === 'submenu') throw new Error(`"${this.label}" is not a command`);
    if (!this.enabled || !this.visible) throw new Error(`"${this.label}" cannot be clicked: it is disabled or hidden`);
    this.#onClick?.(this, undefined, {});
  }
}

export class StandInMenu {
  static #applicationMenu: StandInMenu | null | undefined = undefined;
  readonly items: StandInMenuItem[] = [];

  static buildFromTemplate(template: StandInMenuItemOptions[]): StandInMenu {
    if (!Array.isArray(template)) throw new TypeError('Menu.buildFromTemplate expects an array');
    const menu = new StandInMenu();
    for (const options of template) menu.append(new StandInMenuItem(options));
    return menu;
  }

  static setApplicationMenu(menu: StandInMenu | null): void {
    StandInMenu.#applicationMenu = menu;
  }

  /** `undefined` until the app set one (Electron then shows its default menu). */
  static getApplicationMenu(): StandInMenu | null | undefined {
    return StandInMenu.#applicationMenu;
  }

  append(item: StandInMenuItem): void {
    this.items.push(item);
  }

  /** Visible labels, separators as '-', submenus followed by ' ▸'. */
  labels(): string[] {
    return this.items
      .filter((item) => item.visible)
      .map((item) => (item.type === 'separator' ? '-' : item.type === 'submenu' ? `${item.label} ▸` : item.label));
  }

  /** The item at a label path (submenu labels, then the item's), matched exactly or by a pattern. */
  find(...path: Array<string | RegExp>): StandInMenuItem {
    const [first, ...rest] = path;
    if (first === undefined) throw new Error('find() needs a label');
    const item = this.items.find((candidate) =>
      typeof first === 'string' ? candidate.label === first : first.test(candidate.label),
    );
    if (!item) throw new Error(`No menu item ${String(first)} in: ${this.labels().join(' | ')}`);
    if (rest.length === 0) return item;
    if (!item.submenu) throw new Error(`"${item.label}" has no submenu`);
    return item.submenu.find(...rest);
  }
}

// ---- Tray -------------------------------------------------------------------------------------

export class StandInTray extends EventEmitter {
  static readonly all: StandInTray[] = [];
  /** Every image set, the first from the constructor: the icon's history. */
  readonly images: StandInImage[] = [];
  readonly tooltips: string[] = [];
  /** Every context menu set, in order (null when the app removed it). */
  readonly menus: Array<StandInMenu | null> = [];
  /** Menus popped up by the app (macOS right click). */
  readonly poppedUp: StandInMenu[] = [];
  #destroyed = false;

  constructor(image: StandInImage) {
    super();
    requireReady('Tray');
    this.images.push(image);
    StandInTray.all.push(this);
  }

  get image(): StandInImage {
    return this.images.at(-1)!;
  }

  get contextMenu(): StandInMenu | null {
    return this.menus.at(-1) ?? null;
  }

  get tooltip(): string {
    return this.tooltips.at(-1) ?? '';
  }

  setImage(image: StandInImage): void {
    this.images.push(image);
  }

  setToolTip(text: string): void {
    this.tooltips.push(text);
  }

  setContextMenu(menu: StandInMenu | null): void {
    this.menus.push(menu);
  }

  popUpContextMenu(menu?: StandInMenu): void {
    const shown = menu ?? this.contextMenu;
    if (shown) this.poppedUp.push(shown);
  }

  setIgnoreDoubleClickEvents(_ignore: boolean): void {}

  setTitle(_title: string): void {}

  getBounds(): { x: number; y: number; width: number; height: number } {
    // Top right of a 1920×1080 screen, as a panel icon would be.
    return { x: 1880, y: 0, width: 24, height: 24 };
  }

  /**
   * The user's click on the icon, as Windows and macOS report it. Linux's AppIndicator reports no
   * clicks at all (a click opens the context menu): there the app registers no listener.
   */
  click(): void {
    this.emit('click', {}, this.getBounds(), { x: 1890, y: 10 });
  }

  destroy(): void {
    this.#destroyed = true;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }
}

// ---- Notification -----------------------------------------------------------------------------

export class StandInNotification extends EventEmitter {
  /** Every notification shown, oldest first. */
  static readonly shown: StandInNotification[] = [];
  readonly title: string;
  readonly body: string;

  static isSupported(): boolean {
    return true;
  }

  constructor(options: { title?: string; body?: string } = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }

  show(): void {
    StandInNotification.shown.push(this);
    this.emit('show', {});
  }

  close(): void {
    this.emit('close', {});
  }

  /** The user's click on the notification. */
  click(): void {
    this.emit('click', {});
  }
}

// ---- dialog, shell, clipboard -----------------------------------------------------------------

export interface MessageBoxOptions {
  message: string;
  detail?: string;
  buttons?: string[];
  cancelId?: number;
  defaultId?: number;
  type?: string;
}

/** Dialogs shown, and the answers the user will give (button indexes, in order). */
export const dialogRecord = { shown: [] as MessageBoxOptions[], answers: [] as number[] };

export const dialog = {
  showMessageBox(...args: [MessageBoxOptions] | [unknown, MessageBoxOptions]) {
    const options = (args.length === 2 ? args[1] : args[0]) as MessageBoxOptions;
    dialogRecord.shown.push(options);
    // No answer queued: the user closes the dialog, which Electron reports as the cancel button.
    const response = dialogRecord.answers.shift() ?? options.cancelId ?? 0;
    return Promise.resolve({ response, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string) {
    dialogRecord.shown.push({ message: title, detail: content });
  },
};

export const shellRecord = { openedPaths: [] as string[], openedExternal: [] as string[] };

export const shell = {
  openPath: (path: string) => {
    shellRecord.openedPaths.push(path);
    return Promise.resolve('');
  },
  openExternal: (url: string) => {
    shellRecord.openedExternal.push(url);
    return Promise.resolve();
  },
  showItemInFolder: (path: string) => void shellRecord.openedPaths.push(path),
};

export const clipboardRecord = { written: [] as string[] };

export const clipboard = {
  writeText: (text: string) => void clipboardRecord.written.push(text),
  readText: () => clipboardRecord.written.at(-1) ?? '',
};

// ---- screen, powerMonitor, nativeTheme --------------------------------------------------------

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 28, width: 1920, height: 1052 },
  scaleFactor: 1,
};

class StandInScreen extends EventEmitter {
  getCursorScreenPoint() {
    requireReady('screen');
    return { x: 1890, y: 10 };
  }
  getPrimaryDisplay() {
    requireReady('screen');
    return DISPLAY;
  }
  getAllDisplays() {
    requireReady('screen');
    return [DISPLAY];
  }
  getDisplayNearestPoint(_point: { x: number; y: number }) {
    requireReady('screen');
    return DISPLAY;
  }
  getDisplayMatching(_rect: unknown) {
    requireReady('screen');
    return DISPLAY;
  }
}

export const screen = new StandInScreen();

/** Emit 'suspend', 'resume', 'lock-screen', 'unlock-screen' to play the OS. */
export const powerMonitor = new (class StandInPowerMonitor extends EventEmitter {
  getSystemIdleState(_threshold: number): string {
    return 'active';
  }
})();

class StandInNativeTheme extends EventEmitter {
  themeSource: 'system' | 'light' | 'dark' = 'system';
  #systemDark = false;
  shouldUseHighContrastColors = false;
  shouldUseInvertedColorScheme = false;

  get shouldUseDarkColors(): boolean {
    return this.themeSource === 'system' ? this.#systemDark : this.themeSource === 'dark';
  }

  /** The OS switched between a light and a dark theme (panel and windows). */
  setSystemDark(dark: boolean): void {
    if (dark === this.#systemDark) return;
    this.#systemDark = dark;
    this.emit('updated');
  }
}

export const nativeTheme = new StandInNativeTheme();

// ---- globalShortcut ---------------------------------------------------------------------------

const shortcuts = new Map<string, () => void>();

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    requireReady('globalShortcut');
    // Taken by another app (or already by this one): Electron answers false.
    if (shortcuts.has(accelerator)) return false;
    shortcuts.set(accelerator, callback);
    return true;
  },
  unregister: (accelerator: string) => void shortcuts.delete(accelerator),
  unregisterAll: () => shortcuts.clear(),
  isRegistered: (accelerator: string) => shortcuts.has(accelerator),
  /** Registered accelerators, for the journeys. */
  registered: () => [...shortcuts.keys()],
  /** The user pressed it anywhere on the desktop. */
  press(accelerator: string): void {
    const callback = shortcuts.get(accelerator);
    if (!callback) throw new Error(`No global shortcut ${accelerator} is registered`);
    callback();
  },
};

// ---- safeStorage ------------------------------------------------------------------------------

/**
 * Reversible, NOT secret: a marker and base64. It keeps the plain token out of vault.json (a journey
 * can check that) and refuses anything it did not make, as a keychain would; it proves nothing about
 * a real keychain.
 */
const CIPHER_MARKER = 'electron-stand-in-encrypted:';

/** What the stand-in's safeStorage makes of `text`: for profiles prepared before a boot (boot-kit.ts). */
export function standInCiphertext(text: string): Buffer {
  return Buffer.from(`${CIPHER_MARKER}${Buffer.from(text, 'utf8').toString('base64')}`, 'utf8');
}

function encrypt(text: string): Buffer {
  requireReady('safeStorage');
  return standInCiphertext(text);
}

function decrypt(data: Buffer): string {
  requireReady('safeStorage');
  const text = data.toString('utf8');
  if (!text.startsWith(CIPHER_MARKER))
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  return Buffer.from(text.slice(CIPHER_MARKER.length), 'base64').toString('utf8');
}

export const safeStorage = {
  isEncryptionAvailable: () => true,
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptString: encrypt,
  decryptString: decrypt,
  encryptStringAsync: (text: string) => Promise.resolve().then(() => encrypt(text)),
  decryptStringAsync: (data: Buffer) =>
    Promise.resolve().then(() => ({ shouldReEncrypt: false, result: decrypt(data) })),
  /** Linux: a keyring that protects the token (basic_text would keep it for the session only). */
  getSelectedStorageBackend: () => 'gnome_libsecret',
  setUsePlainTextEncryption: (_plain: boolean) => {},
};

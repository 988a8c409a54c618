// The stand-in's desktop surface: tray, menus, images, notifications, dialogs, shell, clipboard,
// screen, power and theme events, global shortcuts and the keychain. Each records what the journeys
// read of it and offers the user's side (a click, a dialog answer, a theme change) as a method; the
// rest answers as Electron would and records nothing. Nothing here touches the OS. See index.ts for
// what that cannot prove.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { app, requireReady } from './app';

// ---- nativeImage ------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An image the app made: where from, and whether Electron would have found a picture there. */
export class StandInImage {
  readonly #empty: boolean;

  constructor(
    /** The file it was read from. */
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

  /** macOS only (Template images). */
  setTemplateImage(_template: boolean): void {}
}

function isPngFile(path: string): boolean {
  if (!existsSync(path)) return false;
  return readFileSync(path).subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

export const nativeImage = {
  createFromPath: (path: string) => new StandInImage(path, !isPngFile(path)),
};

// ---- Menu -------------------------------------------------------------------------------------

/** The part of Electron's MenuItemConstructorOptions the app passes. */
export interface StandInMenuItemOptions {
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  label?: string;
  /** A role Electron carries out itself (copy, paste, …; appMenu and editMenu bring their default submenus). */
  role?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: StandInMenuItemOptions[];
}

const MENU_ITEM_TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio']);

/** The default submenus of the menu roles, as Electron's docs list them for macOS (menu-item roles). */
const DEFAULT_ROLE_SUBMENUS: Record<string, string[]> = {
  appMenu: ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'],
  editMenu: ['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'],
};

export class StandInMenuItem {
  readonly type: NonNullable<StandInMenuItemOptions['type']>;
  readonly label: string;
  readonly enabled: boolean;
  readonly role: string | null;
  readonly submenu: StandInMenu | null;
  readonly #onClick: StandInMenuItemOptions['click'];

  constructor(options: StandInMenuItemOptions) {
    if (options.type !== undefined && !MENU_ITEM_TYPES.has(options.type))
      throw new Error(`Unknown menu item type: ${String(options.type)}`);
    const defaultSubmenu = options.role === undefined ? undefined : DEFAULT_ROLE_SUBMENUS[options.role];
    const submenu = options.submenu ?? defaultSubmenu?.map((role) => ({ role }));
    this.type = options.type ?? (submenu ? 'submenu' : 'normal');
    this.label = options.label ?? '';
    this.role = options.role ?? null;
    this.enabled = options.enabled ?? true;
    this.submenu = submenu === undefined ? null : StandInMenu.buildFromTemplate(submenu);
    this.#onClick = options.click;
  }

  /** The user's click: only on an item the native menu would let them click. */
  click(): void {
    if (this.type === 'separator' || this.type === 'submenu') throw new Error(`"${this.label}" is not a command`);
    if (!this.enabled) throw new Error(`"${this.label}" cannot be clicked: it is disabled`);
    this.#onClick?.();
  }
}

export class StandInMenu {
  static #applicationMenu: StandInMenu | null | undefined = undefined;
  readonly items: StandInMenuItem[] = [];

  static buildFromTemplate(template: StandInMenuItemOptions[]): StandInMenu {
    if (!Array.isArray(template)) throw new TypeError('Menu.buildFromTemplate expects an array');
    const menu = new StandInMenu();
    for (const options of template) menu.items.push(new StandInMenuItem(options));
    return menu;
  }

  static setApplicationMenu(menu: StandInMenu | null): void {
    // macOS attaches a menu set before ready to nothing, silently (electron#2068).
    if (menu !== null && process.platform === 'darwin' && !app.isReady()) return;
    StandInMenu.#applicationMenu = menu;
  }

  /** `undefined` until the app set one (Electron then shows its default menu). */
  static getApplicationMenu(): StandInMenu | null | undefined {
    return StandInMenu.#applicationMenu;
  }

  /** Every role in the menu and its submenus. */
  roles(): string[] {
    return this.items.flatMap((item) => [...(item.role ? [item.role] : []), ...(item.submenu?.roles() ?? [])]);
  }

  /**
   * Whether an edit key equivalent (Cmd+C is 'copy', Cmd+V 'paste', …) reaches a focused page. On macOS
   * it is dispatched only through the application menu, so only an item with that role carries it
   * (electron#3787); elsewhere the page gets the key itself.
   */
  static keyEquivalentReachesPage(role: string): boolean {
    if (process.platform !== 'darwin') return true;
    return StandInMenu.#applicationMenu?.roles().includes(role) ?? false;
  }

  /** Labels, separators as '-', submenus followed by ' ▸'. */
  labels(): string[] {
    return this.items.map((item) =>
      item.type === 'separator' ? '-' : item.type === 'submenu' ? `${item.label} ▸` : item.label,
    );
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

  /** The app never destroys its tray while it runs. */
  isDestroyed(): boolean {
    return false;
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

  /** macOS only (its right click). */
  popUpContextMenu(_menu?: StandInMenu): void {}

  getBounds(): { x: number; y: number; width: number; height: number } {
    // Linux's StatusNotifierItem reports no geometry: Electron answers zeros there (Tray.getBounds is
    // documented for macOS and Windows only), so the app must place the popup by the cursor.
    if (process.platform === 'linux') return { x: 0, y: 0, width: 0, height: 0 };
    // Top right of a 1920×1080 screen, as a panel icon would be.
    return { x: 1880, y: 0, width: 24, height: 24 };
  }

  /**
   * The user's click on the icon, as Windows and macOS report it; on Linux, the StatusNotifierItem's
   * activation (a left or a double click, as the host decides), which Electron reports as 'click' too.
   */
  click(): void {
    this.emit('click', {}, this.getBounds(), { x: 1890, y: 10 });
  }
}

// ---- Notification -----------------------------------------------------------------------------

/** The part of Electron's NotificationConstructorOptions the app passes. */
export interface StandInNotificationOptions {
  title?: string;
  body?: string;
  actions?: Array<{ type: 'button' | 'selection'; text?: string }>;
}

export class StandInNotification extends EventEmitter {
  /** Every notification shown, oldest first. */
  static readonly shown: StandInNotification[] = [];
  readonly title: string;
  readonly body: string;
  /** Its buttons (Electron 45 shows them on macOS and Windows). */
  readonly actions: ReadonlyArray<{ type: string; text?: string }>;

  static isSupported(): boolean {
    return true;
  }

  constructor(options: StandInNotificationOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.actions = options.actions ?? [];
  }

  show(): void {
    StandInNotification.shown.push(this);
  }

  /** The user's click on the notification (its body). */
  click(): void {
    this.emit('click', { preventDefault() {}, defaultPrevented: false });
  }

  /**
   * The user's press of one of its buttons, reported as Electron 45 does: the details (an Event with
   * `actionIndex` and `selectionIndex`, -1 for a button), then the deprecated index arguments.
   */
  pressAction(index: number): void {
    if (!this.actions[index]) throw new Error(`"${this.title}" has no button ${index}`);
    const details = { actionIndex: index, selectionIndex: -1, preventDefault() {}, defaultPrevented: false };
    this.emit('action', details, index, -1);
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

/** Save dialogs shown (their options), and the paths the user will choose, in order. */
export const saveDialogRecord = { shown: [] as Array<{ defaultPath?: string }>, paths: [] as string[] };

/** `dialog.showSaveDialog([window,] options)`: no path queued is the user cancelling. */
function showSaveDialog(...args: unknown[]) {
  const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string };
  saveDialogRecord.shown.push(options);
  const filePath = saveDialogRecord.paths.shift();
  return Promise.resolve(filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath });
}

export const dialog = {
  showMessageBox(options: MessageBoxOptions) {
    dialogRecord.shown.push(options);
    // No answer queued: the user closes the dialog, which Electron reports as the cancel button.
    const response = dialogRecord.answers.shift() ?? options.cancelId ?? 0;
    return Promise.resolve({ response, checkboxChecked: false });
  },
  showSaveDialog,
};

/** Opening a folder succeeds (Electron answers '' for no error). */
export const shell = { openPath: (_path: string) => Promise.resolve('') };

export const clipboard = { writeText: (_text: string) => {} };

// ---- screen, powerMonitor, nativeTheme --------------------------------------------------------

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 28, width: 1920, height: 1052 },
  scaleFactor: 1,
};

export const screen = {
  getCursorScreenPoint() {
    requireReady('screen');
    return { x: 1890, y: 10 };
  },
  getDisplayNearestPoint(_point: { x: number; y: number }) {
    requireReady('screen');
    return DISPLAY;
  },
};

/** Emit 'suspend', 'resume', 'unlock-screen' to play the OS. */
export const powerMonitor = new EventEmitter();

class StandInNativeTheme extends EventEmitter {
  #systemDark = false;

  get shouldUseDarkColors(): boolean {
    return this.#systemDark;
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

function decrypt(data: Buffer): string {
  requireReady('safeStorage');
  const text = data.toString('utf8');
  if (!text.startsWith(CIPHER_MARKER))
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  return Buffer.from(text.slice(CIPHER_MARKER.length), 'base64').toString('utf8');
}

export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (text: string) =>
    Promise.resolve().then(() => {
      requireReady('safeStorage');
      return standInCiphertext(text);
    }),
  decryptStringAsync: (data: Buffer) =>
    Promise.resolve().then(() => ({ shouldReEncrypt: false, result: decrypt(data) })),
  /** Linux: a keyring that protects the token (basic_text would keep it for the session only). */
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

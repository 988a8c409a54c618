// The stand-in's desktop surface: tray, menus, images, notifications, dialogs, shell, clipboard,
// screen, power and theme events, global shortcuts and the keychain. Each records what the journeys
// read of it and offers the user's side (a click, a dialog answer, a theme change) as a method; the
// rest answers as Electron would and records nothing. Nothing here touches the OS. See index.ts for
// what that cannot prove.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { requireReady } from './app';
import type { StandInMenu } from './menu';
import { keyboardFocus } from './focus';

// Menus live in menu.ts (Electron's template rules: separators, `&` mnemonics, roles).
export { StandInMenu } from './menu';

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
   * On Windows the click lands on the taskbar first: the app's focused window gets `blur` before
   * `click` (so a popup that hides on blur is already hidden when the click asks it to toggle).
   */
  click(): void {
    if (process.platform === 'win32') keyboardFocus.get()?.blur();
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
 * a real keychain. It starts with `v11`, the tag Chromium writes on Linux before data sealed with a
 * keyring's key (main/desktop/linux-keyring.ts reads it), as the libsecret this stand-in plays would.
 */
const CIPHER_MARKER = 'v11electron-stand-in-encrypted:';

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

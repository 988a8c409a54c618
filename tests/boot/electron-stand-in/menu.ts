// The stand-in's Menu and MenuItem, built from a template as Electron 45 builds it
// (lib/browser/api/menu.ts and menu-utils.ts in electron/electron):
// - a template item needs a label, a role or `type: 'separator'` (else a TypeError);
// - separators at the start or the end of a menu, and a separator right after another, are dropped
//   (`removeExtraSeparators`; `sortMenuItems` folds them the same way), in every submenu too;
// - `&` in a label marks the mnemonic: a single `&` is not shown, `&&` shows one `&`. Windows (Win32
//   menus), Linux (dbusmenu, which turns it into GTK's `_`) and macOS (Cocoa strips it: electron#9978,
//   electron#9584) all show the label that way.
// An item keeps `label` as Electron does (the template's text) and offers `shownLabel`, what the user
// reads; `labels()` and `find()` read the shown labels, so a journey sees the menu as the user does.
import { app } from './app';

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

/** A label as the native menu shows it: each `&` marker gone, `&&` one `&`. */
function shownMenuLabel(label: string): string {
  return label.replace(/&(&?)/g, (_marker, escaped: string) => escaped);
}

const isSeparator = (options: StandInMenuItemOptions) => options.type === 'separator';

/** Electron's `removeExtraSeparators`: doubled separators folded, then the edge ones dropped. */
function withoutExtraSeparators(template: StandInMenuItemOptions[]): StandInMenuItemOptions[] {
  const folded = template.filter(
    (item, index) => !isSeparator(item) || index === 0 || !isSeparator(template[index - 1]!),
  );
  return folded.filter((item, index) => !isSeparator(item) || (index !== 0 && index !== folded.length - 1));
}

export class StandInMenuItem {
  readonly type: NonNullable<StandInMenuItemOptions['type']>;
  /** The template's label, as Electron's MenuItem keeps it (`&` markers included). */
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

  /** The label the user reads in the native menu. */
  get shownLabel(): string {
    return shownMenuLabel(this.label);
  }

  /** The user's click: only on an item the native menu would let them click. */
  click(): void {
    if (this.type === 'separator' || this.type === 'submenu') throw new Error(`"${this.shownLabel}" is not a command`);
    if (!this.enabled) throw new Error(`"${this.shownLabel}" cannot be clicked: it is disabled`);
    this.#onClick?.();
  }
}

export class StandInMenu {
  static #applicationMenu: StandInMenu | null | undefined = undefined;
  readonly items: StandInMenuItem[] = [];

  static buildFromTemplate(template: StandInMenuItemOptions[]): StandInMenu {
    if (!Array.isArray(template)) throw new TypeError('Menu.buildFromTemplate expects an array');
    if (!template.every((item) => 'label' in item || 'role' in item || isSeparator(item)))
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new StandInMenu();
    for (const options of withoutExtraSeparators(template)) menu.items.push(new StandInMenuItem(options));
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

  /** Shown labels, separators as '-', submenus followed by ' ▸'. */
  labels(): string[] {
    return this.items.map((item) =>
      item.type === 'separator' ? '-' : item.type === 'submenu' ? `${item.shownLabel} ▸` : item.shownLabel,
    );
  }

  /** The item at a path of shown labels (submenu labels, then the item's), matched exactly or by a pattern. */
  find(...path: Array<string | RegExp>): StandInMenuItem {
    const [first, ...rest] = path;
    if (first === undefined) throw new Error('find() needs a label');
    const item = this.items.find((candidate) =>
      typeof first === 'string' ? candidate.shownLabel === first : first.test(candidate.shownLabel),
    );
    if (!item) throw new Error(`No menu item ${String(first)} in: ${this.labels().join(' | ')}`);
    if (rest.length === 0) return item;
    if (!item.submenu) throw new Error(`"${item.shownLabel}" has no submenu`);
    return item.submenu.find(...rest);
  }
}

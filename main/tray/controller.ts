// Renders the tray: icon, tooltip and the menu model (menu.ts) through an injected `buildFromTemplate`,
// touching the native menu only when the model changed (rebuilding a native menu while it is open closes
// it on some platforms, and costs a round trip to the OS each poll). Electron objects are injected, so it
// runs with fakes in tests; main/desktop/tray-setup.ts gives it the real ones.
import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../common/settings';
import type { UpdateState } from '../../common/contract';
import type { Messages } from '../i18n';
import type { TrayIntent } from './intents';
import { buildTrayMenuModel, type TrayMenuItem } from './menu';
import type { TrayIconState, TraySummary } from './summary';
import { trayTooltip } from './tooltip';

/** Electron's MenuItemConstructorOptions, the subset used. */
export interface MenuTemplateItem {
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

interface TrayLike<TMenu, TImage> {
  setContextMenu(menu: TMenu | null): void;
  setToolTip(toolTip: string): void;
  setImage(image: TImage): void;
}

export function toMenuTemplate(items: TrayMenuItem[], onIntent: (intent: TrayIntent) => void): MenuTemplateItem[] {
  return items.map((item): MenuTemplateItem => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'submenu') {
      return { type: 'submenu', label: item.label, submenu: toMenuTemplate(item.submenu, onIntent) };
    }
    if (item.type === 'checkbox') {
      const intent = item.click;
      return { type: 'checkbox', label: item.label, checked: item.checked, click: () => onIntent(intent) };
    }
    const intent = item.click;
    return intent
      ? { type: 'normal', label: item.label, enabled: item.enabled, click: () => onIntent(intent) }
      : { type: 'normal', label: item.label, enabled: item.enabled };
  });
}

export interface TrayControllerDeps<TMenu, TImage> {
  tray: TrayLike<TMenu, TImage>;
  buildFromTemplate(template: MenuTemplateItem[]): TMenu;
  iconFor(state: TrayIconState): TImage;
  platform: string;
  getConfirmations(): Settings['confirmations'];
  /** Asked at every render, so a language change shows on the next `render` or `refresh`. */
  getMessages(): Messages;
  /** The app's own updates, asked at every render (call `refresh` when they change). */
  getUpdates?(): UpdateState;
  onIntent(intent: TrayIntent): void;
}

export function createTrayController<TMenu, TImage>(deps: TrayControllerDeps<TMenu, TImage>) {
  let lastModel: TrayMenuItem[] | null = null;
  let lastIcon: TrayIconState | null = null;
  let lastTooltip: string | null = null;
  let lastSummary: TraySummary | null = null;

  function render(summary: TraySummary): void {
    lastSummary = summary;
    if (summary.icon !== lastIcon) {
      deps.tray.setImage(deps.iconFor(summary.icon));
      lastIcon = summary.icon;
    }
    const messages = deps.getMessages();
    const tooltip = trayTooltip(summary, messages);
    if (tooltip !== lastTooltip) {
      deps.tray.setToolTip(tooltip);
      lastTooltip = tooltip;
    }
    const model = buildTrayMenuModel(summary, deps.platform, deps.getConfirmations(), messages, deps.getUpdates?.());
    if (lastModel !== null && isDeepStrictEqual(model, lastModel)) return;
    lastModel = model;
    deps.tray.setContextMenu(deps.buildFromTemplate(toMenuTemplate(model, deps.onIntent)));
  }

  return {
    render,
    /** Settings or updates changed (confirmations and the language alter labels): render the last summary again. */
    refresh(): void {
      if (lastSummary) render(lastSummary);
    },
    /** The icons' look changed (the panel's theme): the current state's icon again, from `iconFor`. */
    redrawIcon(): void {
      if (lastIcon !== null) deps.tray.setImage(deps.iconFor(lastIcon));
    },
  };
}

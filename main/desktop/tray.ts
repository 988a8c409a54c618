// The tray icon and its context menu. `buildTrayMenuModel` is pure: summary in, plain menu data out,
// clicks described as intents. `createTrayController` renders the model through an injected
// `buildFromTemplate` and touches the native menu only when the model changed (rebuilding a native
// menu while it is open closes it on some platforms, and costs a round trip to the OS each poll).
import { isDeepStrictEqual } from 'node:util';
import type { PowerAction } from '../api/schemas';
import type { TraySummary } from '../fleet/tray-summary';
import type { ServerRef } from '../../preload/contract';
import type { Settings } from '../settings/schema';

export type TrayIntent =
  | { intent: 'open' }
  | { intent: 'refresh' }
  | { intent: 'settings' }
  | { intent: 'quit' }
  | { intent: 'copy-ip'; ip: string }
  | { intent: 'power'; ref: ServerRef; serverName: string; action: PowerAction; confirm: boolean };

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; enabled: boolean; click?: TrayIntent }
  | { type: 'submenu'; label: string; submenu: TrayMenuItem[] };

export type TrayIconState = TraySummary['icon'];

const ACTION_LABEL: Record<PowerAction, string> = { start: 'Start', stop: 'Stop', reboot: 'Reboot' };
const ACTION_ORDER: readonly PowerAction[] = ['start', 'stop', 'reboot'];

const info = (label: string): TrayMenuItem => ({ type: 'normal', label, enabled: false });
const command = (label: string, click: TrayIntent, enabled = true): TrayMenuItem => ({
  type: 'normal',
  label,
  enabled,
  click,
});
const separator: TrayMenuItem = { type: 'separator' };

function serverSubmenu(server: TraySummary['servers'][number], confirmations: Settings['confirmations']): TrayMenuItem {
  const items: TrayMenuItem[] = [info(`Status: ${server.status}${server.pending ? ' (working…)' : ''}`)];
  if (server.ip) items.push(info(`IP: ${server.ip}`));
  const actions = ACTION_ORDER.filter((action) => server.actions.includes(action));
  if (actions.length > 0) {
    items.push(separator);
    for (const action of actions) {
      const confirm = confirmations[action];
      items.push(
        command(`${ACTION_LABEL[action]}${confirm ? '…' : ''}`, {
          intent: 'power',
          ref: server.ref,
          serverName: server.name,
          action,
          confirm,
        }),
      );
    }
  }
  if (server.ip) {
    items.push(separator, command('Copy IP', { intent: 'copy-ip', ip: server.ip }));
  }
  const marker = server.pending ? ' ⏳' : '';
  return { type: 'submenu', label: `${server.name} — ${server.status}${marker}`, submenu: items };
}

export function buildTrayMenuModel(
  summary: TraySummary,
  platform: string,
  confirmations: Settings['confirmations'],
): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  // Linux (AppIndicator) tray icons emit no click events, so the menu is the only way in:
  // https://github.com/electron/electron/issues/37112
  if (platform === 'linux') items.push(command('Open VPS.org Tray', { intent: 'open' }), separator);

  if (summary.auth === 'none') {
    items.push(info('No API token set — open the app to add one'));
  } else {
    if (summary.auth === 'demo') items.push(info('Demo mode — simulated servers'));
    if (summary.stale) items.push(info('⚠ Not up to date — last refresh failed'));
    if (summary.servers.length === 0) items.push(info('No servers'));
    for (const server of summary.servers) items.push(serverSubmenu(server, confirmations));
  }

  items.push(separator);
  if (summary.auth !== 'none') items.push(command('Refresh', { intent: 'refresh' }));
  if (platform !== 'linux') items.push(command('Open', { intent: 'open' }));
  items.push(command('Settings…', { intent: 'settings' }), separator, command('Quit', { intent: 'quit' }));
  return items;
}

// ---------------------------------------------------------------------------------------------
// Adapter (Electron objects injected, so it runs with fakes in tests)
// ---------------------------------------------------------------------------------------------

/** Electron's MenuItemConstructorOptions, the subset used. */
export interface MenuTemplateItem {
  type?: 'normal' | 'separator' | 'submenu';
  label?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

export interface TrayLike<TMenu, TImage> {
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
    if (summary.tooltip !== lastTooltip) {
      deps.tray.setToolTip(summary.tooltip);
      lastTooltip = summary.tooltip;
    }
    const model = buildTrayMenuModel(summary, deps.platform, deps.getConfirmations());
    if (lastModel !== null && isDeepStrictEqual(model, lastModel)) return;
    lastModel = model;
    deps.tray.setContextMenu(deps.buildFromTemplate(toMenuTemplate(model, deps.onIntent)));
  }

  return {
    render,
    /** Settings changed (confirmations alter labels): render the last summary again. */
    refresh(): void {
      if (lastSummary) render(lastSummary);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Intents -> effects
// ---------------------------------------------------------------------------------------------

export interface TrayIntentDeps {
  openPopup(): void;
  openSettings(): void;
  refreshNow(): Promise<void>;
  quit(): void;
  writeClipboard(text: string): void;
  /** Native confirmation; resolves true when the user agreed. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  powerAction(ref: ServerRef, action: PowerAction): Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  notify(title: string, body: string): void;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** Carries out a tray intent. Never throws (it runs inside a native menu callback). */
export async function runTrayIntent(intent: TrayIntent, deps: TrayIntentDeps): Promise<void> {
  try {
    switch (intent.intent) {
      case 'open':
        deps.openPopup();
        return;
      case 'settings':
        deps.openSettings();
        return;
      case 'refresh':
        await deps.refreshNow();
        return;
      case 'quit':
        deps.quit();
        return;
      case 'copy-ip':
        deps.writeClipboard(intent.ip);
        return;
      case 'power': {
        const label = ACTION_LABEL[intent.action];
        if (intent.confirm) {
          const agreed = await deps.confirm(
            `${label} ${intent.serverName}?`,
            intent.action === 'start'
              ? 'The server will be powered on.'
              : `The server will ${intent.action === 'stop' ? 'shut down' : 'restart'}; running services are interrupted.`,
            label,
          );
          if (!agreed) return;
        }
        const result = await deps.powerAction(intent.ref, intent.action);
        if (!result.ok) deps.notify(`${label} ${intent.serverName} failed`, result.error.message);
        return;
      }
    }
  } catch (error) {
    deps.log?.(
      'error',
      `Tray action ${intent.intent} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

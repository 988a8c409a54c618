// The tray icon and its context menu. `buildTrayMenuModel` and `trayTooltip` are pure: summary and
// texts (main/i18n) in, plain menu data / a string out, clicks described as intents. `createTrayController` renders the model through an injected
// `buildFromTemplate` and touches the native menu only when the model changed (rebuilding a native
// menu while it is open closes it on some platforms, and costs a round trip to the OS each poll).
import { isDeepStrictEqual } from 'node:util';
import { compareTroubleFirst } from '../../common/order';
import type { TrayAccount, TraySummary } from '../fleet/tray-summary';
import type { CountKind, Messages } from '../i18n';
import { conflictText, deviationText, statusLabel } from '../../common/i18n/sentences';
import { PAUSE_CHOICES, type MuteDuration } from '../../common/alerts';
import type { AlertMute, Expectation } from '../../common/settings';
import { type IpcError } from '../../common/contract';
import type { PowerAction } from '../../common/statuses';
import type { Settings } from '../../common/settings';
import type { Log } from '../../common/log';
import type { ErrorKind } from '../../common/errors';
import { refKey, type ServerRef } from '../../common/servers';
import type { UpdateState } from '../../common/contract';

export type TrayIntent =
  | { intent: 'open' }
  | { intent: 'refresh' }
  | { intent: 'settings' }
  | { intent: 'open-logs' }
  | { intent: 'check-updates' }
  | { intent: 'restart-update' }
  | { intent: 'quit' }
  | { intent: 'copy-ip'; ip: string }
  | { intent: 'power'; ref: ServerRef; serverName: string; action: PowerAction; confirm: boolean }
  | { intent: 'expect'; ref: ServerRef; expectation: Expectation }
  | { intent: 'acknowledge'; ref: ServerRef }
  /** `ref` null: the whole tray. */
  | { intent: 'mute'; ref: ServerRef | null; duration: MuteDuration };

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; enabled: boolean; click?: TrayIntent }
  | { type: 'checkbox'; label: string; checked: boolean; click: TrayIntent }
  | { type: 'submenu'; label: string; submenu: TrayMenuItem[] };

export type TrayIconState = TraySummary['icon'];

const ACTION_ORDER: readonly PowerAction[] = ['start', 'stop', 'reboot'];

/**
 * Most per-server submenus in the menu: a native menu of thousands of entries is slow to build on every
 * change and useless to scroll; the rest is one click away in the popup.
 */
export const TRAY_SERVER_LIMIT = 25;

type TrayServer = TraySummary['servers'][number];

const troubleOrderOf = (server: TrayServer) => ({
  status: server.status,
  busy: server.pending,
  // The app's verdict (common/order): a hard deviation calling for attention, or one acknowledged or muted.
  deviation: server.alert?.attention
    ? ('confirmed' as const)
    : server.alert?.deviation
      ? ('unconfirmed' as const)
      : null,
  name: server.name,
  key: refKey(server.ref),
});

const info = (label: string): TrayMenuItem => ({ type: 'normal', label, enabled: false });
const command = (label: string, click: TrayIntent, enabled = true): TrayMenuItem => ({
  type: 'normal',
  label,
  enabled,
  click,
});
const separator: TrayMenuItem = { type: 'separator' };

/** "Pause alerts" for a server or (ref null) the whole tray; while paused, when it ends and how to resume. */
function pauseMenu(ref: ServerRef | null, mute: AlertMute | null, messages: Messages): TrayMenuItem[] {
  const { t } = messages;
  if (mute) {
    const until =
      mute.until === null
        ? t('alertMenu.pausedIndefinitely')
        : t('alertMenu.pausedUntil', { time: clockTime(mute.until) });
    return [info(until), command(t('mute.off'), { intent: 'mute', ref, duration: 'off' })];
  }
  return [
    {
      type: 'submenu',
      label: t('alert.pause'),
      submenu: PAUSE_CHOICES.map((duration) => command(t(`mute.${duration}`), { intent: 'mute', ref, duration })),
    },
  ];
}

/** A server's alert part of its submenu: its deviation, the expectation switch, Acknowledge, Pause. */
function alertItems(server: TrayServer, messages: Messages): TrayMenuItem[] {
  const alert = server.alert;
  if (!alert) return [];
  const items: TrayMenuItem[] = [separator];
  if (alert.deviation) items.push(info(`⚠ ${deviationText(messages, server.name, alert.deviation)}`));
  items.push({
    type: 'checkbox',
    label: messages.t('expectation.should-run'),
    checked: alert.expectation === 'should-run',
    click: {
      intent: 'expect',
      ref: server.ref,
      expectation: alert.expectation === 'should-run' ? 'may-stop' : 'should-run',
    },
  });
  if (alert.canAcknowledge)
    items.push(command(messages.t('alert.acknowledge'), { intent: 'acknowledge', ref: server.ref }));
  items.push(...pauseMenu(server.ref, alert.mute, messages));
  return items;
}

function serverSubmenu(server: TrayServer, confirmations: Settings['confirmations'], messages: Messages): TrayMenuItem {
  const status = statusLabel(messages, server.status);
  const working = server.pending ? messages.t('menu.working') : '';
  const items: TrayMenuItem[] = [info(messages.t('menu.status', { status, working }))];
  if (server.ip) items.push(info(`IP: ${server.ip}`));
  const actions = ACTION_ORDER.filter((action) => server.actions.includes(action));
  if (actions.length > 0) {
    items.push(separator);
    for (const action of actions) {
      const confirm = confirmations[action];
      items.push(
        command(`${messages.t(`action.${action}`)}${confirm ? '…' : ''}`, {
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
    items.push(separator, command(messages.t('menu.copyIp'), { intent: 'copy-ip', ip: server.ip }));
  }
  items.push(...alertItems(server, messages));
  const marker = `${server.pending ? ' ⏳' : ''}${server.alert?.attention ? ' ⚠' : ''}`;
  return { type: 'submenu', label: `${server.name} — ${status}${marker}`, submenu: items };
}

/** The updates item: why there are none, a check in progress, the check, or the restart into a ready version. */
function updatesItem(updates: UpdateState, messages: Messages): TrayMenuItem {
  const { t } = messages;
  switch (updates.unavailable) {
    case 'development':
      return info(t('menu.updatesDevelopment'));
    case 'package-manager':
      return info(t('menu.updatesPackageManager'));
    case 'platform':
      return info(t('menu.updatesPlatform'));
    case null:
      break;
  }
  if (updates.phase === 'ready' && updates.version)
    return command(t('menu.restartToUpdate', { version: updates.version }), { intent: 'restart-update' });
  if (updates.phase === 'checking' || updates.phase === 'downloading') return info(t('menu.checkingUpdates'));
  return command(t('menu.checkUpdates'), { intent: 'check-updates' });
}

/** With several accounts: each account's label (and trouble) as a heading over its servers. */
function accountGroups(
  accounts: readonly TrayAccount[],
  shown: readonly TrayServer[],
  confirmations: Settings['confirmations'],
  messages: Messages,
): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  for (const account of accounts) {
    const trouble = account.trouble === null ? '' : messages.t(`menuAccount.${account.trouble}`);
    items.push(info(`${account.label}${trouble}`));
    for (const server of shown)
      if (server.ref.accountId === account.id) items.push(serverSubmenu(server, confirmations, messages));
  }
  return items;
}

export function buildTrayMenuModel(
  summary: TraySummary,
  platform: string,
  confirmations: Settings['confirmations'],
  messages: Messages,
  updates?: UpdateState,
): TrayMenuItem[] {
  const { t } = messages;
  const items: TrayMenuItem[] = [];
  // Linux (AppIndicator) tray icons emit no click events, so the menu is the only way in:
  // https://github.com/electron/electron/issues/37112
  if (platform === 'linux') items.push(command(t('menu.openApp'), { intent: 'open' }), separator);

  if (summary.auth === 'none') {
    items.push(info(t('menu.noToken')));
  } else {
    if (summary.auth === 'demo') items.push(info(t('menu.demo')));
    if (summary.stale) items.push(info(t('menu.stale')));
    if (summary.servers.length === 0 && !summary.accounts) items.push(info(t('menu.noServers')));
    const shown = summary.servers
      .toSorted((a, b) => compareTroubleFirst(troubleOrderOf(a), troubleOrderOf(b)))
      .slice(0, TRAY_SERVER_LIMIT);
    if (summary.accounts) items.push(...accountGroups(summary.accounts, shown, confirmations, messages));
    else for (const server of shown) items.push(serverSubmenu(server, confirmations, messages));
    const hidden = summary.servers.length - shown.length;
    if (hidden > 0) items.push(command(t('menu.moreServers', { count: hidden }), { intent: 'open' }));
  }

  items.push(separator);
  if (summary.auth !== 'none') {
    if (summary.alerts) items.push(...pauseMenu(null, summary.alerts.muteAll, messages));
    items.push(command(t('button.refresh'), { intent: 'refresh' }));
  }
  if (platform !== 'linux') items.push(command(t('menu.open'), { intent: 'open' }));
  items.push(command(t('menu.settings'), { intent: 'settings' }));
  if (updates) items.push(updatesItem(updates, messages));
  items.push(
    command(t('menu.openLogs'), { intent: 'open-logs' }),
    separator,
    command(t('menu.quit'), { intent: 'quit' }),
  );
  return items;
}

const COUNT_ORDER: readonly CountKind[] = ['running', 'stopped', 'busy', 'suspended', 'other'];

function clockTime(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** e.g. "VPS.org — 3 running, 1 stopped" / "VPS.org — 3 servery běží" / "VPS.org — offline (last update 12:03)" */
export function trayTooltip(summary: TraySummary, messages: Messages): string {
  const { t } = messages;
  const headline = summary.headline;
  if (headline.kind === 'no-token') return t('tooltip.noToken');
  const prefix = summary.auth === 'demo' ? t('tooltip.demoPrefix') : t('tooltip.prefix');
  switch (headline.kind) {
    case 'loading':
      return `${prefix}${t('tooltip.loading')}`;
    case 'stale': {
      const since =
        headline.lastSuccessAt === null ? '' : t('tooltip.lastUpdate', { time: clockTime(headline.lastSuccessAt) });
      return `${prefix}${headline.reason === 'offline' ? t('tooltip.offline') : t('tooltip.error')}${since}`;
    }
    case 'counts': {
      const parts = COUNT_ORDER.filter((kind) => headline.counts[kind] > 0).map((kind) =>
        messages.plural(`tooltipCount.${kind}`, headline.counts[kind]),
      );
      // A failing account counts as trouble: said after the counts of the servers still known.
      if (headline.failingAccounts) parts.push(messages.plural('tooltipAccounts.failing', headline.failingAccounts));
      const attention = summary.alerts?.attention ?? 0;
      // Deviations first: they are what the user needs to know.
      if (attention > 0) parts.unshift(messages.plural('tooltipAlert.attention', attention));
      const paused = summary.alerts?.muteAll ? t('alertMenu.tooltipPaused') : '';
      return `${prefix}${parts.length > 0 ? parts.join(', ') : t('tooltip.noServers')}${paused}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Adapter (Electron objects injected, so it runs with fakes in tests)
// ---------------------------------------------------------------------------------------------

/** Electron's MenuItemConstructorOptions, the subset used. */
export interface MenuTemplateItem {
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
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

// ---------------------------------------------------------------------------------------------
// Intents -> effects
// ---------------------------------------------------------------------------------------------

export interface TrayIntentDeps {
  openPopup(): void;
  openSettings(): void;
  refreshNow(): Promise<void>;
  quit(): void;
  /** Opens the log folder in the file manager. */
  openLogFolder(): Promise<void>;
  /** Checks for a new version now; the answer comes as a quiet notification. */
  checkForUpdates?(): Promise<void>;
  /** Restarts into the downloaded version (refused, with a notification, while an action is tracked). */
  restartToUpdate?(): void;
  writeClipboard(text: string): void;
  /** Texts of dialogs and notifications, in the language at the time of the click. */
  getMessages(): Messages;
  /** Native confirmation; resolves true when the user agreed. */
  confirm(message: string, detail: string, confirmLabel: string, cancelLabel: string): Promise<boolean>;
  powerAction(
    ref: ServerRef,
    action: PowerAction,
  ): Promise<{ ok: true } | { ok: false; error: Pick<IpcError, 'kind' | 'message' | 'conflict'> }>;
  notify(title: string, body: string): void;
  /** Expected-state alerts: the expectation switch, Acknowledge and Pause alerts. */
  alerts?: {
    setExpectation(ref: ServerRef, expectation: Expectation): unknown;
    acknowledge(ref: ServerRef): unknown;
    mute(ref: ServerRef | null, duration: MuteDuration): unknown;
  };
  log?: Log;
}

/**
 * Failures refused before any request was sent. The core reports every action it sent (and that then
 * failed) as an outcome with its own notification; these never become outcomes, so the tray tells them.
 */
const REFUSED_UNSENT: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['conflict', 'no-token', 'invalid-payload']);

/** Why the action was refused, in the user's language. */
function refusalBody(error: Pick<IpcError, 'kind' | 'conflict'>, messages: Messages): string {
  if (error.conflict) return conflictText(messages, error.conflict);
  if (error.kind === 'no-token') return messages.t('menu.noToken');
  return messages.t('menu.notSent');
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
      case 'open-logs':
        await deps.openLogFolder();
        return;
      case 'check-updates':
        await deps.checkForUpdates?.();
        return;
      case 'restart-update':
        deps.restartToUpdate?.();
        return;
      case 'copy-ip':
        deps.writeClipboard(intent.ip);
        return;
      case 'expect':
        deps.alerts?.setExpectation(intent.ref, intent.expectation);
        return;
      case 'acknowledge':
        deps.alerts?.acknowledge(intent.ref);
        return;
      case 'mute':
        deps.alerts?.mute(intent.ref, intent.duration);
        return;
      case 'power': {
        const messages = deps.getMessages();
        const label = messages.t(`action.${intent.action}`);
        if (intent.confirm) {
          const agreed = await deps.confirm(
            messages.t('confirm.question', { action: label, name: intent.serverName }),
            messages.t(`confirmDetail.${intent.action}`),
            label,
            messages.t('button.cancel'),
          );
          if (!agreed) return;
        }
        const result = await deps.powerAction(intent.ref, intent.action);
        if (!result.ok && REFUSED_UNSENT.has(result.error.kind))
          deps.notify(
            messages.t('notification.powerFailed', {
              action: messages.t(`actionName.${intent.action}`),
              name: intent.serverName,
            }),
            refusalBody(result.error, messages),
          );
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

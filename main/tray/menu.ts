// The tray's context menu, built here and only here: `buildTrayMenuModel` is pure (summary and texts
// (main/i18n) in, plain menu data out), each click described as an intent (intents.ts carries it out).
import { compareTroubleFirst } from '../../common/order';
import { deviationText, statusLabel } from '../../common/i18n/sentences';
import { PAUSE_CHOICES } from '../../common/alerts';
import type { AlertPause, Settings } from '../../common/settings';
import type { PowerAction } from '../../common/statuses';
import type { ServerRef } from '../../common/servers';
import type { UpdateState } from '../../common/contract';
import type { Messages } from '../i18n';
import type { TrayIntent } from './intents';
import { TRAY_SERVER_LIMIT, trayOrderOf, type TrayAccount, type TrayServer, type TraySummary } from './summary';
import { clockTime } from './tooltip';

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; enabled: boolean; click?: TrayIntent }
  | { type: 'checkbox'; label: string; checked: boolean; click: TrayIntent }
  | { type: 'submenu'; label: string; submenu: TrayMenuItem[] };

const ACTION_ORDER: readonly PowerAction[] = ['start', 'stop', 'reboot'];

const info = (label: string): TrayMenuItem => ({ type: 'normal', label, enabled: false });
const command = (label: string, click: TrayIntent, enabled = true): TrayMenuItem => ({
  type: 'normal',
  label,
  enabled,
  click,
});
const separator: TrayMenuItem = { type: 'separator' };

/** "Pause alerts" for a server or (ref null) the whole tray; while paused, when it ends and how to resume. */
function pauseMenu(ref: ServerRef | null, pause: AlertPause | null, messages: Messages): TrayMenuItem[] {
  const { t } = messages;
  if (pause) {
    const until =
      pause.until === null
        ? t('alertMenu.pausedIndefinitely')
        : t('alertMenu.pausedUntil', { time: clockTime(pause.until) });
    return [info(until), command(t('pause.off'), { intent: 'pause', ref, duration: 'off' })];
  }
  return [
    {
      type: 'submenu',
      label: t('alert.pause'),
      submenu: PAUSE_CHOICES.map((duration) => command(t(`pause.${duration}`), { intent: 'pause', ref, duration })),
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
  items.push(...pauseMenu(server.ref, alert.pause, messages));
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
    // The summary carries the servers to show, trouble first; kept in that order here whoever made it.
    const shown = summary.servers
      .toSorted((a, b) => compareTroubleFirst(trayOrderOf(a), trayOrderOf(b)))
      .slice(0, TRAY_SERVER_LIMIT);
    if (summary.accounts) items.push(...accountGroups(summary.accounts, shown, confirmations, messages));
    else for (const server of shown) items.push(serverSubmenu(server, confirmations, messages));
    const hidden = summary.serverCount - shown.length;
    if (hidden > 0) items.push(command(t('menu.moreServers', { count: hidden }), { intent: 'open' }));
  }

  items.push(separator);
  if (summary.auth !== 'none') {
    if (summary.alerts) items.push(...pauseMenu(null, summary.alerts.pauseAll, messages));
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

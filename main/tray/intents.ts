// What a tray menu click means (the menu model carries these intents) and carrying one out: open, refresh,
// copy, power actions with their confirmation and refusal, alerts. Effects are injected, so it runs in Node.
// A notification's button (Start, Retry) is carried out here too, as the tray's power item.
import { conflictText } from '../../common/i18n/sentences';
import type { PauseDuration } from '../../common/alerts';
import type { Confirmations, Expectation } from '../../common/settings';
import type { IpcError } from '../../common/contract';
import type { PowerAction } from '../../common/statuses';
import type { Log } from '../app-log';
import type { ErrorKind } from '../../common/errors';
import { refKey, type ServerRef } from '../../common/servers';
import type { Messages } from '../i18n';
import { copyableIp, nativeName, nativeText } from '../i18n/native-text';
import type { ServerNotice } from '../ports';

export type TrayIntent =
  | { intent: 'open' }
  | { intent: 'refresh' }
  | { intent: 'settings' }
  | { intent: 'open-logs' }
  | { intent: 'check-updates' }
  | { intent: 'restart-update' }
  | { intent: 'quit' }
  | { intent: 'copy-ip'; ip: string }
  /** `source`: absent from the menu; a notification's button says so (the history keeps it). */
  | {
      intent: 'power';
      ref: ServerRef;
      serverName: string;
      action: PowerAction;
      confirm: boolean;
      source?: 'notification';
    }
  | { intent: 'expect'; ref: ServerRef; expectation: Expectation }
  | { intent: 'acknowledge'; ref: ServerRef }
  /** `ref` null: the whole tray. */
  | { intent: 'pause'; ref: ServerRef | null; duration: PauseDuration };

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
  /** `source`: the tray menu, or a notification's button (the history keeps it). */
  powerAction(
    ref: ServerRef,
    action: PowerAction,
    source: 'tray' | 'notification',
  ): Promise<{ ok: true } | { ok: false; error: Pick<IpcError, 'kind' | 'message' | 'conflict'> }>;
  notify(title: string, body: string): void;
  /** Expected-state alerts: the expectation switch, Acknowledge and Pause alerts. */
  alerts?: {
    setExpectation(ref: ServerRef, expectation: Expectation): unknown;
    acknowledge(ref: ServerRef): unknown;
    pause(ref: ServerRef | null, duration: PauseDuration): unknown;
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
  if (error.conflict)
    return conflictText(messages, { ...error.conflict, serverName: nativeName(error.conflict.serverName) });
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
      case 'copy-ip': {
        // Only an address goes to the clipboard (net.isIP), whatever the intent carries.
        const ip = copyableIp(intent.ip);
        if (ip !== null) deps.writeClipboard(ip);
        return;
      }
      case 'expect':
        deps.alerts?.setExpectation(intent.ref, intent.expectation);
        return;
      case 'acknowledge':
        deps.alerts?.acknowledge(intent.ref);
        return;
      case 'pause':
        deps.alerts?.pause(intent.ref, intent.duration);
        return;
      case 'power': {
        const messages = deps.getMessages();
        const label = messages.t(`action.${intent.action}`);
        // The API's name in native UI: isolated and capped, controls and overrides gone (i18n/native-text.ts).
        const name = nativeName(intent.serverName);
        if (intent.confirm) {
          const agreed = await deps.confirm(
            nativeText(messages.t('confirm.question', { action: label, name })),
            messages.t(`confirmDetail.${intent.action}`),
            label,
            messages.t('button.cancel'),
          );
          if (!agreed) return;
        }
        const result = await deps.powerAction(intent.ref, intent.action, intent.source ?? 'tray');
        if (!result.ok && REFUSED_UNSENT.has(result.error.kind))
          deps.notify(
            messages.t('notification.powerFailed', {
              action: messages.t(`actionName.${intent.action}`),
              name,
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

export interface NoticeActionDeps {
  /** Carries out the intent: `runTrayIntent` with the tray's own effects. */
  run(intent: TrayIntent): Promise<void>;
  /** The confirmation settings at the time of the press. */
  confirmations(): Confirmations;
}

/**
 * A notification's button pressed (macOS, Windows): the tray menu's power item in another place, so the
 * same path to the one POST (core.powerAction, as the popup's), the same native confirmation when the
 * settings ask for one (a button cannot ask inline, and the popup may not be open), and refusals worded
 * alike. While an action from a notification is being confirmed or sent for a server, another press
 * for it (a second notification's) does nothing: no second dialog, no second request.
 */
export function createNoticeActions(
  deps: NoticeActionDeps,
): (notice: ServerNotice & { offer: NonNullable<ServerNotice['offer']> }) => Promise<void> {
  const busy = new Set<string>();
  return async ({ ref, serverName, offer }) => {
    const key = refKey(ref);
    if (busy.has(key)) return;
    busy.add(key);
    try {
      const confirm = deps.confirmations()[offer.action];
      await deps.run({ intent: 'power', ref, serverName, action: offer.action, confirm, source: 'notification' });
    } finally {
      busy.delete(key);
    }
  };
}

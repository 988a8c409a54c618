// Power actions (start, stop, reboot): asked first when the settings say so (an inline confirmation),
// then sent once. Never retried: a failure is shown at the server, and the user decides.
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { IpcError, PendingAction, PowerSource, ServerView } from '../../common/contract';
import type { PowerAction } from '../../common/statuses';
import type { I18n } from '../i18n';
import { refOf } from './fleet';
import type { LiveFleet } from './live-fleet';
import { readOnly } from './read-only';
import type { RowNotice, RowNotices } from './row-notices';
import type { SettingsState } from './settings';
import { errorText, troubleSentence } from '../i18n/sentences';

/** The inline question "Reboot web-01?" shown at one server. */
export interface Confirmation {
  key: string;
  action: PowerAction;
}

export interface PowerDeps {
  bridge: VpsBridge;
  i18n: ReadonlySignal<I18n>;
  fleet: Pick<LiveFleet, 'find'>;
  settings: Pick<SettingsState, 'needsConfirmation'>;
  notices: Pick<RowNotices, 'show'>;
}

export function createPower({ bridge, i18n, fleet, settings, notices }: PowerDeps) {
  const confirming = signal<Confirmation | null>(null);
  /** Keys whose power request is on its way (before main reports the action as pending). */
  const requesting = signal<ReadonlyMap<string, PowerAction>>(new Map());

  function failureNotice(error: IpcError, name: string, action: PowerAction): RowNotice {
    const i = i18n.value;
    if (!error.outcomeUnknown) return { tone: 'error', text: errorText(i, error, { write: true }) };
    // Main keeps the server pending and watches it: its outcome replaces this notice, and "Refresh" is no advice.
    const watching = i.t('outcome.watching', { name, action: i.t(`actionName.${action}`) });
    const trouble = troubleSentence(i, error);
    const text = trouble ? `${trouble} ${watching}` : watching;
    const apiText = error.apiText?.trim();
    return { tone: 'error', text: apiText ? `${text} ${i.t('error.apiSaid', { text: apiText })}` : text };
  }

  /** Sends one power request, unless one is on its way or main tracks an action of this server. */
  async function perform(key: string, action: PowerAction, source: PowerSource = 'popup'): Promise<void> {
    const target = fleet.find(key);
    if (!target || requesting.value.has(key) || target.pending) return;
    batch(() => {
      if (confirming.value?.key === key) confirming.value = null;
      requesting.value = new Map(requesting.value).set(key, action);
      notices.show(key, null);
    });
    const result = await bridge.servers[action]({ ...refOf(target), source });
    batch(() => {
      const next = new Map(requesting.value);
      next.delete(key);
      requesting.value = next;
      notices.show(
        key,
        result.ok
          ? {
              tone: 'progress',
              text: i18n.value.t('accepted.sent', {
                action: i18n.value.t(`action.${action}`),
                name: target.server.name,
              }),
            }
          : failureNotice(result.error, target.server.name, action),
      );
    });
  }

  return {
    /** The confirmation shown, if any (one at a time). */
    confirming: readOnly(confirming),

    /** The action in flight for a server: tracked by main, or a request still on its way. */
    pendingAction(view: ServerView): PendingAction['action'] | null {
      return view.pending?.action ?? requesting.value.get(view.key) ?? null;
    },

    /** A click on a power button: asks first when the settings say so, else sends. */
    async request(key: string, action: PowerAction, source: PowerSource = 'popup'): Promise<void> {
      if (!settings.needsConfirmation(action)) return perform(key, action, source);
      batch(() => {
        confirming.value = { key, action };
        notices.show(key, null);
      });
    },

    /** The confirmation's own button. */
    perform,

    /** Closes the confirmation; true when one was open. */
    cancelConfirmation(): boolean {
      const open = confirming.value !== null;
      confirming.value = null;
      return open;
    },
  };
}

export type Power = ReturnType<typeof createPower>;

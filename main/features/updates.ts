// The app's own updates as the core offers them: the update service (main/updates/service.ts) fed by the
// settings and the session trackers, its messages worded as quiet notifications, its state on the
// updates channel and event, and what the tray asks of it (check now, restart).
import { EventChannel, InvokeChannel, type EventContract, type UpdateState } from '../../common/contract';
import type { Log } from '../app-log';
import type { EventBus } from '../event-bus';
import type { Messages } from '../i18n';
import type { RouterHandlers } from '../ipc/router';
import { takesNoPayload, type PayloadValidators } from '../ipc/validators';
import type { Notifier } from '../ports';
import type { SessionCollection } from '../accounts/records';
import type { SettingsAccess } from './settings';
import {
  createUpdateService,
  type RestartAnswer,
  type UpdateMessage,
  type UpdaterPort,
  type UpdateServiceDeps,
} from '../updates/service';

type UpdatesChannel = typeof InvokeChannel.updatesState;

export const updatesValidators: Pick<PayloadValidators, UpdatesChannel> = {
  [InvokeChannel.updatesState]: takesNoPayload,
};

export interface UpdatesFeatureDeps {
  updater: UpdaterPort;
  settings: SettingsAccess;
  sessions: SessionCollection;
  notifier: Notifier;
  /** The texts in the user's language at the time of the message. */
  messages(): Messages;
  events: Pick<EventBus<EventContract>, 'emit' | 'subscribe'>;
  log: Log;
  /** Timers and clocks for tests. */
  timing?: Pick<UpdateServiceDeps, 'now' | 'random' | 'setTimer' | 'clearTimer'>;
}

/** What the tray and the app's life ask of updates. */
export interface UpdatesControl {
  state(): UpdateState;
  onChange(listener: (state: UpdateState) => void): () => void;
  /** The tray's Check for updates: answers with a quiet notification. */
  checkNow(): Promise<UpdateState>;
  /** The tray's (or the notification's) Restart to update. */
  restart(): RestartAnswer;
}

function wording(message: UpdateMessage, messages: Messages): { title: string; body: string } {
  const { t } = messages;
  switch (message.kind) {
    case 'ready':
      return { title: t('update.readyTitle', { version: message.version }), body: t('update.readyBody') };
    case 'up-to-date':
      return { title: t('update.upToDate'), body: t('update.upToDateBody') };
    case 'check-failed':
      return { title: t('update.checkFailed'), body: t('update.checkFailedBody') };
    case 'restart-waits':
      return { title: t('update.restartWaits'), body: t('update.restartWaitsBody') };
  }
}

export function createUpdatesFeature(deps: UpdatesFeatureDeps): UpdatesControl & {
  handlers: Pick<RouterHandlers, UpdatesChannel>;
  start(): void;
  stop(): void;
} {
  const service = createUpdateService({
    ...deps.timing,
    updater: deps.updater,
    autoCheck: () => deps.settings.get().autoUpdate,
    hasPendingAction: () => deps.sessions.list().some((session) => session.actions.hasPending()),
    tell(message, manual) {
      // The user asked: they get the answer. Unasked, only when notifications are on.
      if (!manual && !deps.settings.get().notifications) return;
      const { title, body } = wording(message, deps.messages());
      // A click on "version X is ready" is the user asking to restart.
      deps.notifier.notify(title, body, message.kind === 'ready' ? () => void service.restart() : undefined);
    },
    log: deps.log,
  });
  service.onChange((state) => deps.events.emit(EventChannel.updatesChanged, state));
  let lastAutoUpdate = deps.settings.get().autoUpdate;
  let unsubscribe: (() => void) | null = null;

  return {
    handlers: { [InvokeChannel.updatesState]: () => service.state() },
    state: service.state,
    onChange: service.onChange,
    checkNow: () => service.check(true),
    restart: service.restart,
    start() {
      unsubscribe ??= deps.events.subscribe((channel, payload) => {
        if (channel !== EventChannel.settingsChanged) return;
        const next = (payload as EventContract[typeof EventChannel.settingsChanged]).autoUpdate;
        if (next === lastAutoUpdate) return;
        lastAutoUpdate = next;
        service.settingChanged();
      });
      service.start();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      service.stop();
    },
  };
}

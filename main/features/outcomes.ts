// How a finished action is told: the popup gets `actionFinished`, the log a line, and the user a desktop
// notification when they are switched on: a click opens the popup on the server, and a power action
// that failed offers Retry (macOS, Windows). Everything that leaves is redacted.
import { EventChannel, type ActionOutcome, type EventContract } from '../../common/contract';
import type { Log } from '../app-log';
import type { EventListener } from '../event-bus';
import { outcomeText } from '../../common/i18n/sentences';
import { messagesForSetting, type Messages } from '../i18n';
import type { AppInfoPort, Notifier, ServerNotice, SettingsStore } from '../ports';

/**
 * What the notification of an outcome is about. Only a refusal is worth trying again at once: a
 * timed-out or unknown action may still happen (a second request could double it), and one that
 * finished needs nothing.
 */
function noticeOf(outcome: ActionOutcome, messages: Messages, redact: (text: string) => string): ServerNotice {
  const about: ServerNotice = { ref: outcome.ref, serverName: redact(outcome.serverName) };
  const { action } = outcome;
  if (outcome.outcome === 'failed' && (action === 'start' || action === 'stop' || action === 'reboot'))
    about.offer = { action, label: messages.t('notification.retry') };
  return about;
}

export interface OutcomeReportDeps {
  emit: EventListener<EventContract>;
  log: Log;
  redact: (text: string) => string;
  settings: SettingsStore;
  notifier: Notifier;
  appInfo: AppInfoPort;
}

export function createOutcomeReport(deps: OutcomeReportDeps): (outcome: ActionOutcome) => void {
  const { redact } = deps;
  return (outcome) => {
    const safe: ActionOutcome = { ...outcome, message: redact(outcome.message) };
    if (outcome.error?.apiText !== undefined) safe.error = { ...outcome.error, apiText: redact(outcome.error.apiText) };
    deps.emit(EventChannel.actionFinished, safe);
    deps.log(outcome.outcome === 'done' ? 'info' : 'warn', `Action finished: ${safe.message}`);
    const settings = deps.settings.get();
    if (!settings.notifications) return;
    // Worded when shown, so it follows the language setting.
    const messages = messagesForSetting(settings.language, deps.appInfo.systemLocale);
    deps.notifier.notifyServer('VPS.org', redact(outcomeText(messages, outcome)), noticeOf(outcome, messages, redact));
  };
}

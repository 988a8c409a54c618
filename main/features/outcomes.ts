// How a finished action is told: the popup gets `actionFinished`, the log a line, and the user a desktop
// notification when they are switched on. Everything that leaves is redacted.
import { EventChannel, type ActionOutcome, type EventContract } from '../../common/contract';
import type { Log } from '../app-log';
import type { EventListener } from '../event-bus';
import { outcomeText } from '../../common/i18n/sentences';
import { messagesForSetting } from '../i18n';
import type { AppInfoPort, Notifier, SettingsStore } from '../ports';

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
    deps.notifier.notify('VPS.org', redact(outcomeText(messages, outcome)));
  };
}

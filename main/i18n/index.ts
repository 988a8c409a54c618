// The main process's texts in the user's language: the tray menu and tooltip, the tray's confirmation
// dialogs and desktop notifications. Pure lookups; the caller asks again whenever it builds a text, so
// a change of the language setting applies to everything built after it.
import { isKnownStatus, type ServerStatus } from '../../common/statuses';
import type { ConflictInfo } from '../../common/contract';
import { cs } from './cs';
import { en } from './en';
import type { ActionKind, Language, Messages, PluralForms } from './messages';

export type { ActionKind, CountKind, Language, Messages, PluralForms } from './messages';
import type { LanguageSetting } from '../../common/settings';

const DICTIONARIES: Record<Language, Messages> = { en, cs };

/** The manual setting wins; `auto` follows the OS locale (Czech or English), like the popup. */
export function pickLanguage(setting: LanguageSetting, systemLocale: string): Language {
  if (setting === 'en' || setting === 'cs') return setting;
  return systemLocale.toLowerCase().startsWith('cs') ? 'cs' : 'en';
}

export function messagesFor(language: Language): Messages {
  return DICTIONARIES[language];
}

/** The texts for the current settings. */
export function messagesForSetting(setting: LanguageSetting, systemLocale: string): Messages {
  return messagesFor(pickLanguage(setting, systemLocale));
}

/** `forms` for `count`, e.g. 1 server / 3 servery / 5 serverů. */
export function plural(messages: Messages, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(messages.locale).select(count)] ?? forms.other;
  return form.replaceAll('{count}', String(count));
}

/** A status as people say it; statuses the app does not know are shown as the API sends them. */
export function statusName(messages: Messages, status: ServerStatus): string {
  return isKnownStatus(status) ? messages.status[status] : status;
}

/** "42 s", "3 min 5 s" (the same units in English and Czech). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Why an action was refused without a request, worded from its data; `action` is the refused one. */
export function conflictText(messages: Messages, conflict: ConflictInfo, action: ActionKind): string {
  const { serverName: name } = conflict;
  const status = statusName(messages, conflict.status);
  const texts = messages.conflict;
  switch (conflict.reason) {
    case 'in-flight':
      return texts.inFlight(name, conflict.pendingAction ?? null);
    case 'busy':
      return texts.busy(name, status);
    case 'suspended':
      return texts.suspended(name);
    case 'already-running':
      return texts.alreadyRunning(name);
    case 'not-running':
      return texts.notRunning(name);
    case 'other-status':
      return texts.otherStatus(action, name, status);
  }
}

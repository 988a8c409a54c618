// The main process's texts in the user's language: the tray menu and tooltip, the tray's confirmation
// dialogs and desktop notifications, through the common i18n mechanism. The caller asks again whenever it
// builds a text, so a change of the language setting applies to everything built after it.
import {
  createI18n,
  pickLanguage,
  pickLocale,
  type I18n,
  type Language,
  type MessageKey,
  type Translation,
} from '../../common/i18n/i18n';
import type { LanguageSetting } from '../../common/settings';
import { cs } from './cs';
import { en } from './en';

/** The main process's texts in one language. */
export type Messages = I18n<MessageKey<typeof en>>;

/** Groups the tray tooltip counts servers in. */
export type CountKind = keyof typeof en.tooltipCount;

const DICTIONARIES: Record<Language, Translation<typeof en>> = { en, cs };

// The tray asks at every render: build each language's formats once.
const made = new Map<string, Messages>();

/** The texts in `language`; `locale` formats numbers (default: the language's own). */
export function messagesFor(language: Language, locale: string = language): Messages {
  const id = `${language} ${locale}`;
  let messages = made.get(id);
  if (!messages) {
    messages = createI18n(language, locale, DICTIONARIES[language]);
    made.set(id, messages);
  }
  return messages;
}

/** The texts for the current settings: the manual language wins; `auto` follows the OS locale. */
export function messagesForSetting(setting: LanguageSetting, systemLocale: string): Messages {
  const language = pickLanguage(setting, systemLocale);
  return messagesFor(language, pickLocale(language, systemLocale));
}

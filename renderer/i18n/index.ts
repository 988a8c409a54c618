// The popup's texts in the user's language, through the common i18n mechanism (common/i18n/i18n). The
// app keeps the current one in a signal.
import {
  createI18n,
  hasMessage,
  type I18n as I18nOf,
  type Language,
  type MessageKey as KeyOf,
  type Translation,
} from '../../common/i18n/i18n';
import { cs } from './cs';
import { en } from './en';

/** `group.name` of every popup message. */
export type MessageKey = KeyOf<typeof en>;

/** The popup's texts and formats in one language. */
export type I18n = I18nOf<MessageKey>;

const DICTIONARIES: Record<Language, Translation<typeof en>> = { en, cs };

export function popupI18n(language: Language, locale: string): I18n {
  return createI18n(language, locale, DICTIONARIES[language]);
}

/** Whether a key built from data (a backend's name, a rule violation) has a popup message. */
export function isMessageKey(key: string): key is MessageKey {
  return hasMessage(en, key);
}

// The popup's texts in the user's language, through the common i18n mechanism (common/i18n/i18n). The
// app keeps the current one in a signal. English ships in the start bundle (it is also the fallback);
// every other language is a chunk of its own, loaded when it is first needed, so a first glance loads
// only one language's messages.
import {
  createI18n,
  hasMessage,
  type I18n as I18nOf,
  type Language,
  type MessageKey as KeyOf,
  type Translation,
} from '../../common/i18n/i18n';
import { en } from './en';

/** `group.name` of every popup message. */
export type MessageKey = KeyOf<typeof en>;

/** The popup's texts and formats in one language. */
export type I18n = I18nOf<MessageKey>;

type Dictionary = Translation<typeof en>;

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Dictionary>> = {
  cs: () => import('./cs').then((module) => module.cs),
};

/** Dictionaries at hand: a cache of immutable data, filled once per language. */
const loaded: Partial<Record<Language, Dictionary>> = { en };

export function isLanguageLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

/** Loads a language's messages (once); `popupI18n` speaks it from then on. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || loaded[language]) return;
  loaded[language] = await LOADERS[language]();
}

/** The texts of `language` once loaded; English until then (and for a language that failed to load). */
export function popupI18n(language: Language, locale: string): I18n {
  const dictionary = loaded[language];
  return dictionary ? createI18n(language, locale, dictionary) : createI18n('en', 'en', en);
}

/** Whether a key built from data (a backend's name, a rule violation) has a popup message. */
export function isMessageKey(key: string): key is MessageKey {
  return hasMessage(en, key);
}

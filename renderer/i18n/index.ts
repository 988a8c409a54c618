// The popup's texts in the user's language, through the common i18n mechanism (common/i18n/i18n). The
// app keeps the current one in a signal. Each language's messages come in two parts, so a first glance
// loads only what it shows: the first glance's (./en ships in the start bundle, as it is also the
// fallback; every other language is a chunk loaded when first needed) and the views' (a chunk per
// language, loaded together with the lazy views: renderer/views/lazy).
import {
  createI18n,
  hasMessage,
  type Dictionary,
  type I18n as I18nOf,
  type Language,
  type MessageKey as KeyOf,
  type Translation,
} from '../../common/i18n/i18n';
import { en } from './en';
import type { enViews } from './en-views';

/** `group.name` of every popup message, the views' included. */
export type MessageKey = KeyOf<typeof en> | KeyOf<typeof enViews>;

/** The popup's texts and formats in one language. */
export type I18n = I18nOf<MessageKey>;

type GlanceMessages = Translation<typeof en>;
type ViewMessages = Translation<typeof enViews>;
/** Both parts of a language: every message. */
type AllMessages = GlanceMessages & ViewMessages;

const GLANCE_LOADERS: Record<Exclude<Language, 'en'>, () => Promise<GlanceMessages>> = {
  cs: () => import('./cs').then((module) => module.cs),
};

const VIEW_LOADERS: Record<Language, () => Promise<ViewMessages>> = {
  en: () => import('./en-views').then((module) => module.enViews),
  cs: () => import('./cs-views').then((module) => module.csViews),
};

/**
 * Messages at hand per language, filled once per part and never changed otherwise. A language is in it
 * once its first-glance part is here; its views' part (once views are wanted) is added into the same
 * object, so an `I18n` made before they arrived (the app's current one) speaks them too.
 */
const loaded: Partial<Record<Language, Dictionary>> = { en: { ...en } };

/** Set by the first `loadViewMessages`: from then on a language loads with its views' part. */
let viewsWanted = false;

/** Adds the views' messages to a language's; a group both parts have gets both's messages. */
function addViews(messages: Dictionary, views: ViewMessages): void {
  for (const [group, names] of Object.entries(views)) messages[group] = { ...messages[group], ...names };
}

export function isLanguageLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

/** Loads a language's messages (once), with its views' part once views are wanted; `popupI18n` speaks it from then on. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || loaded[language]) return;
  const [glance, views] = await Promise.all([
    GLANCE_LOADERS[language](),
    viewsWanted ? VIEW_LOADERS[language]() : undefined,
  ]);
  // Views wanted while the first glance's part was on its way: theirs comes too, before the language counts as here.
  const viewsNow = views ?? (viewsWanted ? await VIEW_LOADERS[language]() : undefined);
  const messages: Dictionary = { ...glance };
  if (viewsNow) addViews(messages, viewsNow);
  loaded[language] = messages;
}

/** The views' messages on their way or here (once; a failed load is tried again). */
let viewMessages: Promise<void> | null = null;

/**
 * Loads the views' messages of every language at hand (English, the fallback, always). A lazy view
 * renders only after this resolved (renderer/views/lazy), so no view ever meets a missing message.
 */
export function loadViewMessages(): Promise<void> {
  viewsWanted = true;
  viewMessages ??= Promise.all(
    (Object.keys(loaded) as Language[]).map(async (language) => {
      addViews(loaded[language]!, await VIEW_LOADERS[language]());
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      viewMessages = null;
      throw error;
    },
  );
  return viewMessages;
}

/** The texts of `language` once loaded; English until then (and for a language that failed to load). */
export function popupI18n(language: Language, locale: string): I18n {
  const dictionary = loaded[language];
  // The views' messages may not be here yet, yet only views (rendered once they are) ask for them.
  return dictionary
    ? createI18n(language, locale, dictionary as AllMessages)
    : createI18n('en', 'en', loaded.en as AllMessages);
}

/** Whether a key built from data (a backend's name, a rule violation) has a popup message (the views' once loaded). */
export function isMessageKey(key: string): key is MessageKey {
  return hasMessage(loaded.en!, key);
}

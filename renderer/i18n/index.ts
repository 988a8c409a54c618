// A tiny i18n: typed message keys, `{placeholder}` substitution, Intl plural rules and date formats.
// `createI18n(language, locale)` is pure; the app keeps the current one in a signal.
import { cs } from './cs';
import { en, type MessageKey } from './en';
import type { Dictionary, Language, Message, PluralMessage } from './types';
import type { LanguageSetting } from '../../common/settings';

export type { Language, MessageKey, PluralMessage };

export type MessageParams = Record<string, string | number>;

const DICTIONARIES: Record<Language, Dictionary> = { en, cs };

/** The message `group.name`, when the dictionary has one (own properties only). */
function find(dictionary: Dictionary, key: string): Message | undefined {
  const dot = key.indexOf('.');
  const group = key.slice(0, dot);
  const name = key.slice(dot + 1);
  return Object.hasOwn(dictionary, group) && Object.hasOwn(dictionary[group]!, name)
    ? dictionary[group]![name]
    : undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return find(en, key) !== undefined;
}

/** The language to show: the manual setting wins; `auto` follows the OS locale (Czech or English). */
export function pickLanguage(setting: LanguageSetting, systemLocale: string): Language {
  if (setting === 'en' || setting === 'cs') return setting;
  return systemLocale.toLowerCase().startsWith('cs') ? 'cs' : 'en';
}

/** The locale for dates and numbers: the OS locale when it speaks the shown language (keeps its region). */
export function pickLocale(language: Language, systemLocale: string): string {
  return systemLocale.toLowerCase().startsWith(language) ? systemLocale : language === 'cs' ? 'cs-CZ' : 'en';
}

function fill(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface I18n {
  language: Language;
  locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** A plural message for `count` (also available to the template as `{count}`). */
  plural(key: MessageKey, count: number): string;
  date(value: string | number): string;
  time(value: number): string;
  number(value: number, fractionDigits?: number): string;
}

export function createI18n(language: Language, locale: string): I18n {
  const dictionary = DICTIONARIES[language];
  const pluralRules = new Intl.PluralRules(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const formatNumber = (value: number, fractionDigits: number): string => {
    let format = numberFormats.get(fractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
      numberFormats.set(fractionDigits, format);
    }
    return format.format(value);
  };
  // Every MessageKey is in every dictionary (the typecheck sees to it).
  const text = (key: MessageKey, count: number): string => {
    const message = find(dictionary, key)!;
    return typeof message === 'string' ? message : (message[pluralRules.select(count)] ?? message.other);
  };

  return {
    language,
    locale,
    t: (key, params) => fill(text(key, Number(params?.count ?? 0)), params),
    plural: (key, count) => fill(text(key, count), { count: formatNumber(count, 0) }),
    date: (value) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
    },
    time: (value) => timeFormat.format(new Date(value)),
    number: (value, fractionDigits = 0) => formatNumber(value, fractionDigits),
  };
}

// The one i18n mechanism of the app: key-based dictionaries, `{placeholder}` filling, Intl plural rules,
// number and date formats, and picking the language and locale. The tray, the notifications and the
// popup each create an `I18n` over their own dictionary; words both say come from ./words.
// Pure: no Node, no DOM.
import type { LanguageSetting } from '../settings';

export type Language = 'en' | 'cs';

/** A message with plural forms, chosen by Intl.PluralRules for `{count}`. `other` is the fallback. */
interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

type Message = string | PluralMessage;

/**
 * Messages grouped by the part of the app that shows them; a message key is `group.name`. Grouping
 * writes each group's name once instead of at every message (the popup's bundle has a size budget).
 */
export type Dictionary = Record<string, Record<string, Message>>;

/** `group.name` of every message of a dictionary. */
export type MessageKey<D extends Dictionary> = {
  [Group in keyof D & string]: `${Group}.${keyof D[Group] & string}`;
}[keyof D & string];

/** Another language of a reference dictionary: the same groups and names, so a missing one fails the typecheck. */
export type Translation<D extends Dictionary> = { [Group in keyof D]: Record<keyof D[Group], Message> };

/** Values for a message's placeholders; an undefined one leaves its placeholder as written. */
export type MessageParams = Record<string, string | number | undefined>;

/**
 * Texts and formats in one language. `Key` is what its dictionary holds; functions that need only some
 * keys take `I18n<ThoseKeys>`, which any I18n whose dictionary has them satisfies (hence the function-typed
 * members: their parameters are checked strictly).
 */
export interface I18n<Key extends string = string> {
  language: Language;
  locale: string;
  t: (key: Key, params?: MessageParams) => string;
  /** A plural message for `count` (also available to the template as `{count}`). */
  plural: (key: Key, count: number) => string;
  date: (value: string | number) => string;
  time: (value: number) => string;
  number: (value: number, fractionDigits?: number) => string;
}

/** The message `group.name`, when the dictionary has one (own properties only). */
function find(dictionary: Dictionary, key: string): Message | undefined {
  const dot = key.indexOf('.');
  const group = key.slice(0, dot);
  const name = key.slice(dot + 1);
  return Object.hasOwn(dictionary, group) && Object.hasOwn(dictionary[group]!, name)
    ? dictionary[group]![name]
    : undefined;
}

/** Whether `key` names a message of `dictionary` (for keys built from data, e.g. a backend's name). */
export function hasMessage<D extends Dictionary>(dictionary: D, key: string): key is MessageKey<D> {
  return find(dictionary, key) !== undefined;
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

/** `{name}` placeholders replaced by `params`; one without a value stays as written. */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/**
 * A locale's Intl formats, each built when first used and kept: constructing one is slow (it loads the
 * locale's data), and the popup makes its `I18n` several times at start (the language, the views' part).
 */
interface Formats {
  plural?: Intl.PluralRules;
  date?: Intl.DateTimeFormat;
  time?: Intl.DateTimeFormat;
  numbers: Map<number, Intl.NumberFormat>;
}

const formatsByLocale = new Map<string, Formats>();

function formatsOf(locale: string): Formats {
  let formats = formatsByLocale.get(locale);
  if (!formats) formatsByLocale.set(locale, (formats = { numbers: new Map() }));
  return formats;
}

/**
 * Whether `value` is written the same in every locale of ours as its plain digits: a whole number from
 * 0 to 999 (no grouping, no sign, no fraction) in Latin digits, which every English and Czech locale
 * uses unless a Unicode extension (`-u-nu-…`) asks for another numbering system. The first
 * Intl.NumberFormat of a process loads ICU's number data (16–95 ms measured in a fresh popup renderer),
 * and the counts of a first glance are such numbers.
 */
function isPlainDigits(value: number, locale: string): boolean {
  return Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0) && !/-u-/i.test(locale);
}

export function createI18n<D extends Dictionary>(
  language: Language,
  locale: string,
  dictionary: D,
): I18n<MessageKey<D>> {
  const formats = formatsOf(locale);
  const formatNumber = (value: number, fractionDigits: number): string => {
    if (isPlainDigits(value, locale)) return String(value);
    let format = formats.numbers.get(fractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
      formats.numbers.set(fractionDigits, format);
    }
    return format.format(value);
  };
  // Every key of the type is in the dictionary (the typecheck sees to it).
  const text = (key: string, count: number): string => {
    const message = find(dictionary, key)!;
    return typeof message === 'string'
      ? message
      : (message[(formats.plural ??= new Intl.PluralRules(locale)).select(count)] ?? message.other);
  };

  return {
    language,
    locale,
    t: (key, params) => fill(text(key, Number(params?.count ?? 0)), params),
    plural: (key, count) => fill(text(key, count), { count: formatNumber(count, 0) }),
    date: (value) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime())
        ? String(value)
        : (formats.date ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
    },
    time: (value) =>
      (formats.time ??= new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })).format(new Date(value)),
    number: (value, fractionDigits = 0) => formatNumber(value, fractionDigits),
  };
}

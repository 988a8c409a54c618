/** A message with plural forms, chosen by Intl.PluralRules for `{count}`. `other` is the fallback. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralMessage;

/**
 * Messages grouped by the part of the app that shows them; a message key is `group.name`. Grouping
 * writes each group's name once instead of at every message (the bundle has a size budget).
 */
export type Dictionary = Record<string, Record<string, Message>>;

export type Language = 'en' | 'cs';

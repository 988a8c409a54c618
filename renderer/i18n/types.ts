/** A message with plural forms, chosen by Intl.PluralRules for `{count}`. `other` is the fallback. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Language = 'en' | 'cs';

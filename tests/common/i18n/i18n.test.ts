// The one i18n mechanism: language and locale picking, placeholder filling, plural forms, formats.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n, fill, hasMessage, pickLanguage, pickLocale, type Translation } from '../../../common/i18n/i18n';

const english = {
  list: {
    count: { one: '{count} server', other: '{count} servers' },
    shown: '{shown} of {total}',
  },
};
const czech: Translation<typeof english> = {
  list: {
    count: { one: '{count} server', few: '{count} servery', many: '{count} serveru', other: '{count} serverů' },
    shown: '{shown} z {total}',
  },
};

describe('language and locale', () => {
  it('the setting wins; auto follows the OS locale, Czech or else English', () => {
    expect(pickLanguage('cs', 'en-US')).toBe('cs');
    expect(pickLanguage('en', 'cs-CZ')).toBe('en');
    expect(pickLanguage('auto', 'cs-CZ')).toBe('cs');
    expect(pickLanguage('auto', 'CS')).toBe('cs');
    expect(pickLanguage('auto', 'de-DE')).toBe('en');
  });

  it('formats in the OS locale when it speaks the language shown (keeping its region), else the language’s own', () => {
    expect(pickLocale('en', 'en-GB')).toBe('en-GB');
    expect(pickLocale('cs', 'cs-CZ')).toBe('cs-CZ');
    expect(pickLocale('cs', 'en-GB')).toBe('cs-CZ');
    expect(pickLocale('en', 'de-DE')).toBe('en');
  });
});

describe('fill', () => {
  it('replaces every placeholder that has a value, numbers too', () => {
    expect(fill('{name} of {name}: {count}', { name: 'web-01', count: 3 })).toBe('web-01 of web-01: 3');
  });

  it('leaves placeholders without a value as written, and a template without params untouched', () => {
    expect(fill('{name} is {status}', { name: 'web-01' })).toBe('web-01 is {status}');
    expect(fill('{name} is {status}', { name: 'web-01', status: undefined })).toBe('web-01 is {status}');
    expect(fill('{name}')).toBe('{name}');
  });

  it('does not fill placeholders inside the values it inserts', () => {
    expect(fill('{a} {b}', { a: '{b}', b: 'x' })).toBe('{b} x');
  });
});

describe('createI18n', () => {
  const cs = createI18n('cs', 'cs-CZ', czech);
  const en = createI18n('en', 'en-US', english);

  it('picks Czech plural forms by count: 1 server, 2–4 servery, 5+ serverů', () => {
    expect([0, 1, 2, 3, 4, 5, 11, 21, 22, 25].map((count) => cs.plural('list.count', count))).toEqual([
      '0 serverů',
      '1 server',
      '2 servery',
      '3 servery',
      '4 servery',
      '5 serverů',
      '11 serverů',
      '21 serverů',
      '22 serverů',
      '25 serverů',
    ]);
    expect([1, 2, 5].map((count) => en.plural('list.count', count))).toEqual(['1 server', '2 servers', '5 servers']);
  });

  it('writes the count in the locale’s digits and picks the form by it in `t` too', () => {
    expect(en.plural('list.count', 1234)).toBe('1,234 servers');
    expect(cs.plural('list.count', 1234)).toBe('1\u00a0234 serverů');
    expect(cs.t('list.count', { count: 3 })).toBe('3 servery');
  });

  it('fills a message’s placeholders', () => {
    expect(cs.t('list.shown', { shown: 2, total: 5 })).toBe('2 z 5');
  });

  it('formats numbers, dates and times in the locale', () => {
    expect(cs.number(1.25, 1)).toBe('1,3');
    expect(en.number(1234)).toBe('1,234');
    expect(cs.date('2025-01-10T14:30:00Z')).toMatch(/10\. 1\. 2025/);
    expect(en.date('2025-01-10T14:30:00Z')).toMatch(/Jan 10, 2025/);
    expect(en.date('not a date')).toBe('not a date');
    expect(en.time(Date.UTC(2025, 0, 10, 14, 30, 5))).toMatch(/^\d\d:30:05$/);
  });

  it('knows a dictionary’s own messages only (keys built from data cannot reach Object’s properties)', () => {
    expect(hasMessage(english, 'list.shown')).toBe(true);
    expect(hasMessage(english, 'list.missing')).toBe(false);
    expect(hasMessage(english, 'list.constructor')).toBe(false);
    expect(hasMessage(english, 'constructor.name')).toBe(false);
    expect(hasMessage(english, 'list')).toBe(false);
  });
});

describe('the Intl formats', () => {
  const originals = {
    PluralRules: Intl.PluralRules,
    DateTimeFormat: Intl.DateTimeFormat,
    NumberFormat: Intl.NumberFormat,
  };
  const built = { plural: 0, date: 0, number: 0 };
  beforeEach(() => {
    // Each constructor counted, as it is called (`new Intl.X(...)`), the formats still real.
    Object.assign(Intl, {
      PluralRules: class extends originals.PluralRules {
        constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
          super(...args);
          built.plural++;
        }
      },
    });
    Object.assign(Intl, {
      DateTimeFormat: class extends originals.DateTimeFormat {
        constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          super(...args);
          built.date++;
        }
      },
    });
    Object.assign(Intl, {
      NumberFormat: class extends originals.NumberFormat {
        constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
          super(...args);
          built.number++;
        }
      },
    });
  });
  afterEach(() => Object.assign(Intl, originals));

  it('are built once per locale, however many times an I18n is made for it, and only when first used', () => {
    // A locale no other test here uses: the formats are kept for the module's life.
    const made = [createI18n('cs', 'cs-SK', czech), createI18n('cs', 'cs-SK', czech)];
    expect(built).toEqual({ plural: 0, date: 0, number: 0 });

    for (const i18n of made) {
      expect(i18n.plural('list.count', 3)).toBe('3 servery');
      expect(i18n.t('list.count', { count: 5 })).toBe('5 serverů');
      expect(i18n.number(1.5, 1)).toBe('1,5');
      i18n.date(Date.UTC(2026, 0, 2, 3, 4));
      i18n.time(Date.UTC(2026, 0, 2, 3, 4, 5));
    }
    // One PluralRules, a date and a time format, a number format for one fraction digit (3 and 5 are
    // written as their digits, without one).
    expect(built).toEqual({ plural: 1, date: 2, number: 1 });

    createI18n('cs', 'cs-SK', czech).plural('list.count', 1_500);
    expect(built).toEqual({ plural: 1, date: 2, number: 2 });
    createI18n('en', 'en-IE', english).plural('list.count', 1_500);
    expect(built).toEqual({ plural: 2, date: 2, number: 3 });
  });

  /** What Intl itself writes (the real NumberFormat, not the counting one). */
  const expected = (locale: string, value: number, digits: number) =>
    new originals.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);

  it('write a whole number under 1 000 as Intl would, without building a number format', () => {
    const locales = ['en', 'en-US', 'en-GB', 'en-IN', 'en-IE', 'cs', 'cs-CZ', 'cs-SK'];
    for (const locale of locales) {
      const i18n = createI18n(locale.startsWith('cs') ? 'cs' : 'en', locale, locale.startsWith('cs') ? czech : english);
      built.number = 0;
      const values = Array.from({ length: 1000 }, (_, value) => value);
      for (const digits of [0, 1]) {
        const intl = new originals.NumberFormat(locale, { maximumFractionDigits: digits });
        expect(values.map((value) => i18n.number(value, digits))).toEqual(values.map((value) => intl.format(value)));
      }
      expect(i18n.plural('list.count', 25)).toContain('25');
      expect(built.number).toBe(0);
      // Anything else is Intl's: grouping, fractions, signs.
      for (const value of [1000, 12_345, 2.5, -3, -0]) expect(i18n.number(value, 1)).toBe(expected(locale, value, 1));
    }
    // A locale that asks for other digits gets them.
    expect(createI18n('en', 'en-u-nu-arab', english).number(25)).toBe(expected('en-u-nu-arab', 25, 0));
  });
});

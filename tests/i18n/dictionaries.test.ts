// The main process's dictionaries and the shared words: Czech has every English text, with the same
// placeholders (the typecheck sees to the keys; this sees to what is inside them).
import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../../common/i18n/i18n';
import { enWords } from '../../common/i18n/words';
import { csWords } from '../../common/i18n/words-cs';
import { cs } from '../../main/i18n/cs';
import { en } from '../../main/i18n/en';

function keysOf(dictionary: Dictionary): string[] {
  return Object.entries(dictionary)
    .flatMap(([group, messages]) => Object.keys(messages).map((name) => `${group}.${name}`))
    .toSorted();
}

function placeholderNames(message: unknown): string[] {
  return [...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].toSorted();
}

describe.each([
  ['main process', en, cs],
  ['shared words', enWords, csWords],
] as Array<[string, Dictionary, Dictionary]>)('%s', (_name, english, czech) => {
  it('has a Czech text for every English key, with the same placeholders', () => {
    expect(keysOf(czech)).toEqual(keysOf(english));
    for (const [group, messages] of Object.entries(english)) {
      for (const [name, message] of Object.entries(messages)) {
        const key = `${group}.${name}`;
        expect({ key, names: placeholderNames(czech[group]![name]!) }).toEqual({
          key,
          names: placeholderNames(message),
        });
      }
    }
  });
});

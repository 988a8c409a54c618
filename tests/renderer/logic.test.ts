import { describe, expect, it } from 'vitest';
import { loadLanguage, loadViewMessages, popupI18n } from '../../renderer/i18n';
import { pickLanguage, pickLocale, type Dictionary } from '../../common/i18n/i18n';
import { statusLabel } from '../../common/i18n/sentences';
import { cs } from '../../renderer/i18n/cs';
import { csViews } from '../../renderer/i18n/cs-views';
import { en } from '../../renderer/i18n/en';
import { enViews } from '../../renderer/i18n/en-views';
import { applyDelta, compareViews } from '../../renderer/state/fleet';
import { errorText, storageBackendName } from '../../renderer/state/text';
import { computeLayout, scrollToReveal, totalHeight, visibleRange } from '../../renderer/state/virtual';
import type { ServerView } from '../../common/contract';
import { makeView } from './fake-bridge';
import { KNOWN_STATUSES, allowedPowerActions } from '../../common/statuses';
import { makeServer } from '../support/fixtures';

// Czech is a chunk of its own in the popup; these tests word things in it directly.
await loadLanguage('cs');

describe('status lists', () => {
  it('allow start only when stopped, stop and reboot only when running', () => {
    expect(allowedPowerActions('stopped')).toEqual(['start']);
    expect(allowedPowerActions('active')).toEqual(['stop', 'reboot']);
    for (const status of ['suspended', 'provisioning', 'starting', 'stopping', 'rebooting', 'migrating'])
      expect({ status, actions: allowedPowerActions(status) }).toEqual({ status, actions: [] });
  });

  it('sort names naturally within a rank', () => {
    const views = ['web-10', 'web-2', 'Web-1'].map((name, index) => makeView(makeServer(index + 1, { name })));
    expect(views.toSorted(compareViews).map((view) => view.server.name)).toEqual(['Web-1', 'web-2', 'web-10']);
  });
});

describe('applyDelta', () => {
  it('changes only the listed keys and reports status changes', () => {
    const byKey = new Map<string, ServerView>();
    for (let id = 1; id <= 3; id++) {
      const view = makeView(makeServer(id, { name: `s${id}` }));
      byKey.set(view.key, view);
    }
    const untouched = byKey.get('acct:3');
    const changes = applyDelta(byKey, {
      upserted: [makeView(makeServer(1, { name: 's1', status: 'stopped' })), makeView(makeServer(4, { name: 's4' }))],
      removed: ['acct:2'],
    });
    expect([...byKey.keys()].toSorted()).toEqual(['acct:1', 'acct:3', 'acct:4']);
    expect(byKey.get('acct:3')).toBe(untouched);
    expect(changes).toEqual([
      { name: 's2', status: 'active', kind: 'removed' },
      { name: 's1', status: 'stopped', kind: 'changed' },
      { name: 's4', status: 'active', kind: 'added' },
    ]);
  });
});

describe('i18n', () => {
  it('uses Czech plural forms: 1 server, 2–4 servery, 5+ serverů', () => {
    const i18n = popupI18n('cs', 'cs-CZ');
    expect(i18n.plural('list.count', 1)).toBe('1 server');
    expect(i18n.plural('list.count', 2)).toBe('2 servery');
    expect(i18n.plural('list.count', 4)).toBe('4 servery');
    expect(i18n.plural('list.count', 5)).toBe('5 serverů');
    expect(i18n.plural('list.count', 0)).toBe('0 serverů');
    expect(i18n.plural('list.count', 22)).toBe('22 serverů');
  });

  it('uses English plural forms', () => {
    const i18n = popupI18n('en', 'en-US');
    expect(i18n.plural('list.count', 1)).toBe('1 server');
    expect(i18n.plural('list.count', 2)).toBe('2 servers');
  });

  it('picks the language from the OS locale unless overridden', () => {
    expect(pickLanguage('auto', 'cs-CZ')).toBe('cs');
    expect(pickLanguage('auto', 'de-DE')).toBe('en');
    expect(pickLanguage('en', 'cs-CZ')).toBe('en');
    expect(pickLanguage('cs', 'en-GB')).toBe('cs');
    expect(pickLocale('en', 'en-GB')).toBe('en-GB');
    expect(pickLocale('cs', 'en-GB')).toBe('cs-CZ');
  });

  it('translates known statuses naturally and shows unknown ones raw', () => {
    const i18n = popupI18n('cs', 'cs-CZ');
    expect(KNOWN_STATUSES.map((status) => statusLabel(i18n, status))).toEqual([
      'běží',
      'zastaven',
      'pozastaven',
      'zřizuje se',
      'spouští se',
      'zastavuje se',
      'restartuje se',
    ]);
    expect(statusLabel(i18n, 'migrating')).toBe('migrating');
  });

  it.each([
    ['the first glance', en, cs],
    ['the views', enViews, csViews],
  ] as Array<[string, Dictionary, Dictionary]>)(
    'has a Czech text for every English key of %s, with the same placeholders',
    (_part, english, czech) => {
      expect(keysOf(czech)).toEqual(keysOf(english));
      // Czech may leave out {message}: it is English text from main or the API, and the Czech wording
      // says the same by itself. Every other placeholder must be there.
      for (const [group, messages] of Object.entries(english)) {
        for (const [name, message] of Object.entries(messages)) {
          const key = `${group}.${name}`;
          const czechNames = placeholderNames(czech[group]![name]!);
          const englishNames = placeholderNames(message);
          expect({ key, names: withoutMessage(czechNames) }).toEqual({ key, names: withoutMessage(englishNames) });
          expect({ key, extra: czechNames.filter((placeholder) => !englishNames.includes(placeholder)) }).toEqual({
            key,
            extra: [],
          });
        }
      }
    },
  );

  it('words error kinds from the kind in both languages, never passing main’s English through', () => {
    const error = { kind: 'network', message: 'Could not connect to admin.vps.org.' } as const;
    expect(errorText(popupI18n('en', 'en'), error)).toBe('VPS.org cannot be reached. Check your internet connection.');
    expect(errorText(popupI18n('cs', 'cs-CZ'), error)).toBe(
      'VPS.org není dostupné. Zkontrolujte připojení k internetu.',
    );
  });

  it('names the token’s keyring in both languages once the views’ messages are here (only views and banners loaded later say it)', async () => {
    await loadViewMessages();
    expect(storageBackendName(popupI18n('cs', 'cs-CZ'), 'memory')).toBe('jen v paměti');
    expect(storageBackendName(popupI18n('en', 'en'), 'some_new_backend')).toBe('some_new_backend');
  });

  it('formats dates in the user’s locale', () => {
    expect(popupI18n('cs', 'cs-CZ').date('2025-01-10T14:30:00Z')).toMatch(/10\. 1\. 2025/);
    expect(popupI18n('en', 'en-US').date('2025-01-10T14:30:00Z')).toMatch(/Jan 10, 2025/);
  });
});

function keysOf(dictionary: Dictionary): string[] {
  return Object.entries(dictionary)
    .flatMap(([group, messages]) => Object.keys(messages).map((name) => `${group}.${name}`))
    .toSorted();
}

function withoutMessage(names: string[]): string[] {
  return names.filter((name) => name !== 'message');
}

function placeholderNames(message: unknown): string[] {
  return [...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].toSorted();
}

describe('virtual list layout', () => {
  const layout = computeLayout(Array.from({ length: 5000 }, (_, index) => (index === 10 ? 100 : 60)));

  it('adds the extra line of a row to the offsets', () => {
    expect(layout.offsets[10]).toBe(600);
    expect(layout.offsets[11]).toBe(700);
    expect(totalHeight(layout)).toBe(4999 * 60 + 100);
  });

  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(layout, 0, 400, 5)).toEqual([0, 12]);
    const [start, end] = visibleRange(layout, 150_000, 400, 5);
    expect(end - start).toBeLessThan(20);
    expect(layout.offsets[start + 5]!).toBeLessThanOrEqual(150_000);
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(layout, 0, 0, 400)).toBe(0);
    expect(scrollToReveal(layout, 4999, 0, 400)).toBe(totalHeight(layout) - 400);
    expect(scrollToReveal(layout, 3, 1000, 400)).toBe(180);
  });
});

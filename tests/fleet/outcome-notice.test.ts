// The desktop notification an action outcome becomes, in English and Czech, and how the language is picked.
import { describe, expect, it } from 'vitest';
import { outcomeNotice } from '../../main/fleet/actions';
import { messagesFor, pickLanguage, plural } from '../../main/i18n';
import type { ActionOutcome } from '../../preload/contract';

const en = messagesFor('en');
const cs = messagesFor('cs');

const outcome = (over: Partial<ActionOutcome>): ActionOutcome => ({
  ref: { accountId: 'a', id: 1 },
  serverName: 'web-01',
  action: 'reboot',
  outcome: 'done',
  message: 'web-01 rebooted in 42 s',
  elapsedMs: 42_000,
  ...over,
});

describe('outcome notifications', () => {
  it('says what finished and how long it took', () => {
    expect(outcomeNotice(outcome({}), en, 'active')).toBe('web-01 rebooted in 42 s');
    expect(outcomeNotice(outcome({}), cs, 'active')).toBe('Server web-01 restartován za 42 s');
    expect(outcomeNotice(outcome({ action: 'start', elapsedMs: 185_000 }), cs, 'active')).toBe(
      'Server web-01 spuštěn za 3 min 5 s',
    );
    expect(outcomeNotice(outcome({ action: 'create' }), cs, 'active')).toBe('Server web-01 vytvořen za 42 s');
  });

  it('tells a failure with how long it took and the status the server has now, when known', () => {
    const failed = outcome({ outcome: 'failed', action: 'stop', message: 'Stop of web-01 failed: it is now running' });
    expect(outcomeNotice(failed, en, 'active')).toBe('Stop of web-01 failed after 42 s. It is now running.');
    expect(outcomeNotice(failed, cs, 'active')).toBe('Zastavení serveru web-01 se nezdařilo (po 42 s). Stav: běží.');
    expect(outcomeNotice(failed, cs, 'suspended')).toBe(
      'Zastavení serveru web-01 se nezdařilo (po 42 s). Stav: pozastaven.',
    );
    expect(outcomeNotice(failed, cs, 'migrating')).toBe(
      'Zastavení serveru web-01 se nezdařilo (po 42 s). Stav: migrating.',
    );
    expect(outcomeNotice(failed, cs, null)).toBe('Zastavení serveru web-01 se nezdařilo (po 42 s).');
    expect(outcomeNotice({ ...failed, elapsedMs: 185_000 }, en, null)).toBe('Stop of web-01 failed after 3 min 5 s.');
  });

  it('words time-outs and vanished servers', () => {
    const late = outcome({ outcome: 'timed-out', elapsedMs: 600_000 });
    expect(outcomeNotice(late, en, null)).toBe('Reboot of web-01 did not finish within 10 min.');
    expect(outcomeNotice(late, cs, null)).toBe('Restartování serveru web-01 nebylo dokončeno ani za 10 min.');
    const gone = outcome({ outcome: 'removed', action: 'delete' });
    expect(outcomeNotice(gone, en, null)).toBe('web-01 no longer exists.');
    expect(outcomeNotice(gone, cs, null)).toBe('Server web-01 už neexistuje.');
  });
});

describe('language', () => {
  it('the setting wins; auto follows the OS locale, Czech or else English', () => {
    expect(pickLanguage('cs', 'en-US')).toBe('cs');
    expect(pickLanguage('en', 'cs-CZ')).toBe('en');
    expect(pickLanguage('auto', 'cs-CZ')).toBe('cs');
    expect(pickLanguage('auto', 'CS')).toBe('cs');
    expect(pickLanguage('auto', 'de-DE')).toBe('en');
  });

  it('picks Czech plural forms by count', () => {
    const forms = cs.tooltip.count.running;
    expect([0, 1, 2, 4, 5, 21, 22, 100].map((count) => plural(cs, count, forms))).toEqual([
      '0 serverů běží',
      '1 server běží',
      '2 servery běží',
      '4 servery běží',
      '5 serverů běží',
      '21 serverů běží',
      '22 serverů běží',
      '100 serverů běží',
    ]);
  });
});

// The desktop notification an action outcome becomes, in English and Czech, and how the language is picked.
import { describe, expect, it } from 'vitest';
import { outcomeText } from '../../common/i18n/sentences';
import { messagesFor, messagesForSetting, type Messages } from '../../main/i18n';
import type { ActionOutcome } from '../../common/contract';

const en = messagesFor('en');
const cs = messagesFor('cs');

/** The notification's body: the outcome worded with the main process's texts. */
const outcomeNotice = (outcome: ActionOutcome, messages: Messages) => outcomeText(messages, outcome);

const outcome = (over: Partial<ActionOutcome>): ActionOutcome => ({
  ref: { accountId: 'a', id: 1 },
  serverName: 'web-01',
  action: 'reboot',
  outcome: 'done',
  message: 'web-01 rebooted (42 s)',
  elapsedMs: 42_000,
  finalStatus: 'active',
  ...over,
});

describe('outcome notifications', () => {
  it('says what finished and how long it took', () => {
    expect(outcomeNotice(outcome({}), en)).toBe('web-01 rebooted (42 s)');
    expect(outcomeNotice(outcome({}), cs)).toBe('Server web-01 byl restartován (42 s)');
    expect(outcomeNotice(outcome({ action: 'start', elapsedMs: 185_000 }), cs)).toBe(
      'Server web-01 byl spuštěn (3 min 5 s)',
    );
    expect(outcomeNotice(outcome({ action: 'create' }), cs)).toBe('Server web-01 byl vytvořen (42 s)');
  });

  it('tells a failed power action with the status the server has now, when known', () => {
    const failed = outcome({
      outcome: 'failed',
      action: 'stop',
      message: 'The stop of web-01 failed: it is now running',
    });
    expect(outcomeNotice(failed, en)).toBe('The stop of web-01 failed. It is running now.');
    expect(outcomeNotice(failed, cs)).toBe('Akce „zastavit“ serveru web-01 selhala. Aktuální stav: běží.');
    expect(outcomeNotice({ ...failed, finalStatus: 'suspended' }, cs)).toBe(
      'Akce „zastavit“ serveru web-01 selhala. Aktuální stav: pozastaven.',
    );
    expect(outcomeNotice({ ...failed, finalStatus: 'migrating' }, cs)).toBe(
      'Akce „zastavit“ serveru web-01 selhala. Aktuální stav: migrating.',
    );
    expect(outcomeNotice({ ...failed, finalStatus: null }, cs)).toBe('Akce „zastavit“ serveru web-01 selhala.');
    expect(outcomeNotice({ ...failed, elapsedMs: 185_000, finalStatus: null }, en)).toBe('The stop of web-01 failed.');
  });

  it('a failed edit does not tell the status: it says nothing about what failed', () => {
    for (const action of ['update', 'replace', 'delete'] as const) {
      const failed = outcome({ outcome: 'failed', action, finalStatus: 'active' });
      expect(outcomeNotice(failed, en)).not.toMatch(/running/);
      expect(outcomeNotice(failed, cs)).not.toMatch(/Stav/);
    }
    expect(outcomeNotice(outcome({ outcome: 'failed', action: 'update' }), en)).toBe('The rename of web-01 failed.');
    expect(outcomeNotice(outcome({ outcome: 'unknown', action: 'delete' }), en)).toBe(
      'The deletion of web-01 may or may not have happened. Refresh to check.',
    );
    expect(outcomeNotice(outcome({ outcome: 'unknown', action: 'delete' }), cs)).toBe(
      'Není jisté, zda akce „smazat“ serveru web-01 proběhla. Obnovte seznam a zkontrolujte to.',
    );
  });

  it('words an unknown outcome as maybe-happened, with the status for a power action', () => {
    const unknown = outcome({ outcome: 'unknown', error: { kind: 'timeout' } });
    expect(outcomeNotice(unknown, en)).toBe(
      'The reboot of web-01 may or may not have happened; it still shows running. Refresh to check.',
    );
    expect(outcomeNotice(unknown, cs)).toBe(
      'Není jisté, zda akce „restartovat“ serveru web-01 proběhla; server stále hlásí stav: běží. Obnovte seznam a zkontrolujte to.',
    );
  });

  it('words time-outs and vanished servers', () => {
    const late = outcome({ outcome: 'timed-out', elapsedMs: 600_000 });
    expect(outcomeNotice(late, en)).toBe('The reboot of web-01 did not finish within 10 min. It is running now.');
    expect(outcomeNotice(late, cs)).toBe(
      'Akce „restartovat“ serveru web-01 nebyla dokončena do 10 min. Aktuální stav: běží.',
    );
    expect(outcomeNotice({ ...late, finalStatus: null }, en)).toBe(
      'The reboot of web-01 did not finish within 10 min.',
    );
    const gone = outcome({ outcome: 'removed', action: 'delete', finalStatus: null });
    expect(outcomeNotice(gone, en)).toBe('web-01 no longer exists.');
    expect(outcomeNotice(gone, cs)).toBe('Server web-01 už neexistuje.');
  });
});

describe('language', () => {
  it('the texts follow the setting: the manual language wins, auto follows the OS locale', () => {
    expect(messagesForSetting('auto', 'cs-CZ').t('menu.quit')).toBe('Ukončit');
    expect(messagesForSetting('en', 'cs-CZ').t('menu.quit')).toBe('Quit');
  });

  it('picks Czech plural forms by count', () => {
    expect([0, 1, 2, 4, 5, 21, 22, 100].map((count) => cs.plural('tooltipCount.running', count))).toEqual([
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

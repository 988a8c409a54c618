// The sentences the tray's notifications and the popup both build: one function each, fed by either
// side's dictionary. Where both sides say the same, they say it in the same words.
import { describe, expect, it } from 'vitest';
import type { ActionOutcome, ConflictInfo } from '../../../common/contract';
import { conflictText, elapsedText, outcomeText, statusLabel } from '../../../common/i18n/sentences';
import { KNOWN_STATUSES } from '../../../common/statuses';
import { messagesFor } from '../../../main/i18n';
import { popupI18n } from '../../../renderer/i18n';

const LANGUAGES = ['en', 'cs'] as const;
const sides = (language: 'en' | 'cs') => ({ tray: messagesFor(language), popup: popupI18n(language, language) });

const outcome = (over: Partial<ActionOutcome>): ActionOutcome => ({
  ref: { accountId: 'a', id: 1 },
  serverName: 'web-01',
  action: 'reboot',
  outcome: 'done',
  message: 'English, for logs',
  elapsedMs: 42_000,
  finalStatus: 'active',
  ...over,
});

describe('words both sides show', () => {
  it.each(LANGUAGES)(
    '%s: status names, done-verbs and power action labels are the same in the tray and the popup',
    (language) => {
      const { tray, popup } = sides(language);
      for (const status of KNOWN_STATUSES) expect(statusLabel(tray, status)).toBe(statusLabel(popup, status));
      for (const action of ['start', 'stop', 'reboot', 'create', 'replace', 'update', 'delete'] as const)
        expect(tray.t(`doneVerb.${action}`)).toBe(popup.t(`doneVerb.${action}`));
      for (const action of ['start', 'stop', 'reboot'] as const)
        expect(tray.t(`action.${action}`)).toBe(popup.t(`action.${action}`));
      expect(tray.t('button.cancel')).toBe(popup.t('button.cancel'));
      expect(tray.t('confirm.question', { action: 'Reboot', name: 'web-01' })).toBe(
        popup.t('confirm.question', { action: 'Reboot', name: 'web-01' }),
      );
    },
  );

  it('shows a status the app does not know as the API sent it', () => {
    expect(statusLabel(messagesFor('cs'), 'migrating')).toBe('migrating');
    expect(statusLabel(popupI18n('cs', 'cs-CZ'), 'stopped')).toBe('zastaven');
  });
});

describe('outcomeText', () => {
  it('words one outcome the same for the notification and the popup', () => {
    const gone = outcome({ outcome: 'removed', action: 'delete', finalStatus: null });
    expect(outcomeText(messagesFor('en'), gone)).toBe('web-01 no longer exists.');
    expect(outcomeText(popupI18n('en', 'en'), gone)).toBe('web-01 no longer exists.');
    expect(outcomeText(messagesFor('cs'), gone)).toBe('Server web-01 už neexistuje.');
    expect(outcomeText(popupI18n('cs', 'cs-CZ'), gone)).toBe('Server web-01 už neexistuje.');
  });

  it('each side words the rest with the same function from its own dictionary', () => {
    const { tray, popup } = sides('en');
    expect(outcomeText(tray, outcome({}))).toBe('web-01 rebooted in 42 s');
    expect(outcomeText(popup, outcome({}))).toBe('web-01 rebooted (42 s)');
  });

  it('adds the error’s words only for a failed outcome with an error, where the side’s template shows them', () => {
    const { tray, popup } = sides('en');
    const said: string[] = [];
    const errorWords = (_i18n: unknown, error: { kind: string }) => {
      said.push(error.kind);
      return `(${error.kind})`;
    };
    const failed = outcome({
      outcome: 'failed',
      action: 'update',
      finalStatus: 'active',
      error: { kind: 'bad-request' },
    });
    expect(outcomeText(popup, failed, errorWords)).toBe('The rename of web-01 failed. (bad-request)');
    expect(outcomeText(popup, { ...failed, error: undefined }, errorWords)).toBe('The rename of web-01 failed.');
    expect(outcomeText(tray, failed)).toBe('Rename of web-01 failed after 42 s.');
    expect(said).toEqual(['bad-request']);
  });

  it('says where a power action left the server, never after an edit or a success', () => {
    const { tray } = sides('cs');
    const stopFailed = outcome({ outcome: 'failed', action: 'stop', finalStatus: 'active' });
    expect(outcomeText(tray, stopFailed)).toBe('Zastavení serveru web-01 se nezdařilo (po 42 s). Stav: běží.');
    expect(outcomeText(tray, { ...stopFailed, action: 'replace' })).toBe(
      'Uložení změn serveru web-01 se nezdařilo (po 42 s).',
    );
    expect(outcomeText(tray, outcome({ finalStatus: 'stopped' }))).toBe('Server web-01 restartován za 42 s');
  });
});

describe('elapsedText', () => {
  it('formats elapsed time for people, in the same units in both languages', () => {
    for (const language of LANGUAGES) {
      const { tray, popup } = sides(language);
      for (const i18n of [tray, popup]) {
        expect(elapsedText(i18n, 42_400)).toBe('42 s');
        expect(elapsedText(i18n, 185_000)).toBe('3 min 5 s');
        expect(elapsedText(i18n, -1_000)).toBe('0 s');
      }
      // Whole minutes as each side has always written them.
      expect(elapsedText(tray, 600_000)).toBe('10 min');
      expect(elapsedText(popup, 600_000)).toBe('10 min 0 s');
    }
  });
});

const refusal = (over: Partial<ConflictInfo>): ConflictInfo => ({
  reason: 'already-running',
  serverName: 'web-01',
  status: 'active',
  ...over,
});

describe('conflictText', () => {
  it('words the refusals both sides word alike the same on both', () => {
    for (const language of LANGUAGES) {
      const { tray, popup } = sides(language);
      for (const reason of ['already-running', 'not-running', 'suspended'] as const)
        expect(conflictText(tray, refusal({ reason }), 'start')).toBe(conflictText(popup, refusal({ reason })));
    }
    expect(conflictText(messagesFor('cs'), refusal({ reason: 'suspended', status: 'suspended' }), 'start')).toBe(
      'Server web-01 je pozastaven; akce napájení nejsou k dispozici.',
    );
  });

  it('names the action in flight, or says there is one', () => {
    const inFlight = refusal({ reason: 'in-flight', status: 'rebooting', pendingAction: 'replace' });
    expect(conflictText(messagesFor('cs'), inFlight, 'stop')).toBe(
      'Na serveru web-01 ještě probíhá jiná akce (uložení změn).',
    );
    expect(conflictText(messagesFor('en'), inFlight, 'stop')).toBe(
      'web-01: another action (replace) is still in progress.',
    );
    expect(conflictText(popupI18n('cs', 'cs'), inFlight)).toBe(
      'web-01: počkejte, až doběhne probíhající akce „upravit“.',
    );
    const unknown = refusal({ reason: 'in-flight', status: 'rebooting' });
    expect(conflictText(messagesFor('en'), unknown, 'stop')).toBe(
      'web-01: another action (unknown) is still in progress.',
    );
    expect(conflictText(popupI18n('en', 'en'), unknown)).toBe('web-01: wait until the current action finishes.');
  });

  it('names the refused action where the tray’s wording needs it', () => {
    const other = refusal({ reason: 'other-status', status: 'migrating' });
    expect(conflictText(messagesFor('en'), other, 'start')).toBe('web-01 cannot be started while it is migrating.');
    expect(conflictText(messagesFor('cs'), other, 'reboot')).toBe(
      'Restartování serveru web-01 není možné ve stavu „migrating“.',
    );
    expect(conflictText(popupI18n('en', 'en'), other)).toBe('web-01 is migrating, so this action is not possible now.');
  });
});

// The sentences the tray's notifications and the popup both build: one function each, over the one
// wording of common/i18n/words, so both sides say the same in the same words.
import { describe, expect, it } from 'vitest';
import type { ActionOutcome, ConflictInfo } from '../../../common/contract';
import { conflictText, elapsedText, outcomeText, statusLabel } from '../../../common/i18n/sentences';
import { KNOWN_STATUSES } from '../../../common/statuses';
import { messagesFor } from '../../../main/i18n';
import { loadLanguage, popupI18n } from '../../../renderer/i18n';

// Czech is a chunk of its own in the popup; these tests word things in it directly.
await loadLanguage('cs');

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

  it.each(LANGUAGES)(
    '%s: a done, a failed and an unknown outcome read the same in the notification and the popup',
    (language) => {
      const { tray, popup } = sides(language);
      const outcomes = [
        outcome({}),
        outcome({ outcome: 'failed', action: 'stop', finalStatus: 'active' }),
        outcome({ outcome: 'failed', action: 'replace', finalStatus: 'active' }),
        outcome({ outcome: 'unknown', finalStatus: 'active' }),
        outcome({ outcome: 'timed-out', elapsedMs: 600_000, finalStatus: 'rebooting' }),
      ];
      // The notification passes no error words: the popup's sentence without an error is the same.
      for (const facts of outcomes) expect(outcomeText(tray, facts)).toBe(outcomeText(popup, facts));
    },
  );

  it('words each outcome as one sentence that reads whole in a notification, in both languages', () => {
    const { tray: en } = sides('en');
    const { tray: cs } = sides('cs');
    expect(outcomeText(en, outcome({}))).toBe('web-01 rebooted (42 s)');
    expect(outcomeText(cs, outcome({}))).toBe('Server web-01 byl restartován (42 s)');
    const unknown = outcome({ outcome: 'unknown', finalStatus: 'active' });
    expect(outcomeText(en, unknown)).toBe(
      'The reboot of web-01 may or may not have happened; it still shows running. Refresh to check.',
    );
    expect(outcomeText(cs, unknown)).toBe(
      'Není jisté, zda akce „restartovat“ serveru web-01 proběhla; server stále hlásí stav: běží. Obnovte seznam a zkontrolujte to.',
    );
    const timedOut = outcome({ outcome: 'timed-out', elapsedMs: 600_000, finalStatus: 'rebooting' });
    expect(outcomeText(en, timedOut)).toBe('The reboot of web-01 did not finish within 10 min. It is rebooting now.');
    expect(outcomeText(cs, timedOut)).toBe(
      'Akce „restartovat“ serveru web-01 nebyla dokončena do 10 min. Aktuální stav: restartuje se.',
    );
  });

  it('adds the error’s words only for a failed outcome with an error, where the caller gives them', () => {
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
    expect(outcomeText(tray, failed)).toBe('The rename of web-01 failed.');
    expect(said).toEqual(['bad-request']);
  });

  it('says where a power action left the server, never after an edit or a success', () => {
    const { tray } = sides('cs');
    const stopFailed = outcome({ outcome: 'failed', action: 'stop', finalStatus: 'active' });
    expect(outcomeText(tray, stopFailed)).toBe('Akce „zastavit“ serveru web-01 selhala. Aktuální stav: běží.');
    expect(outcomeText(tray, { ...stopFailed, action: 'replace' })).toBe('Akce „upravit“ serveru web-01 selhala.');
    expect(outcomeText(tray, outcome({ finalStatus: 'stopped' }))).toBe('Server web-01 byl restartován (42 s)');
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
        // Whole minutes without "0 s", on both sides.
        expect(elapsedText(i18n, 600_000)).toBe('10 min');
      }
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
  it('words every refusal the same on both sides', () => {
    for (const language of LANGUAGES) {
      const { tray, popup } = sides(language);
      for (const reason of ['already-running', 'not-running', 'suspended', 'transitional', 'other-status'] as const)
        expect(conflictText(tray, refusal({ reason }))).toBe(conflictText(popup, refusal({ reason })));
      const inFlight = refusal({ reason: 'in-flight', status: 'rebooting', pendingAction: 'reboot' });
      expect(conflictText(tray, inFlight)).toBe(conflictText(popup, inFlight));
      expect(conflictText(tray, { ...inFlight, pendingAction: undefined })).toBe(
        conflictText(popup, { ...inFlight, pendingAction: undefined }),
      );
    }
    expect(conflictText(messagesFor('cs'), refusal({ reason: 'suspended', status: 'suspended' }))).toBe(
      'Server web-01 je pozastaven; akce napájení nejsou k dispozici.',
    );
  });

  it('names the action in flight, or says there is one', () => {
    const inFlight = refusal({ reason: 'in-flight', status: 'rebooting', pendingAction: 'replace' });
    expect(conflictText(messagesFor('cs'), inFlight)).toBe('web-01: počkejte, až doběhne probíhající akce „upravit“.');
    expect(conflictText(messagesFor('en'), inFlight)).toBe('web-01: wait until the current action (edit) finishes.');
    expect(conflictText(popupI18n('cs', 'cs'), inFlight)).toBe(
      'web-01: počkejte, až doběhne probíhající akce „upravit“.',
    );
    const unknown = refusal({ reason: 'in-flight', status: 'rebooting' });
    expect(conflictText(messagesFor('en'), unknown)).toBe('web-01: wait until the current action finishes.');
    expect(conflictText(popupI18n('en', 'en'), unknown)).toBe('web-01: wait until the current action finishes.');
  });

  it('words a status that allows no power action, and a busy one, with the status', () => {
    const other = refusal({ reason: 'other-status', status: 'migrating' });
    expect(conflictText(messagesFor('en'), other)).toBe('web-01 is migrating, so this action is not possible now.');
    expect(conflictText(messagesFor('cs'), other)).toBe('Stav serveru web-01: migrating; tato akce teď není možná.');
    expect(conflictText(popupI18n('en', 'en'), other)).toBe('web-01 is migrating, so this action is not possible now.');
    const busy = refusal({ reason: 'transitional', status: 'stopping' });
    expect(conflictText(messagesFor('en'), busy)).toBe('web-01 is stopping now; wait until it settles.');
    expect(conflictText(messagesFor('cs'), busy)).toBe('Stav serveru web-01: zastavuje se; počkejte, až se ustálí.');
  });
});

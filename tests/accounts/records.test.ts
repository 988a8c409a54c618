import { describe, expect, it } from 'vitest';
import { createAccountRecords } from '../../main/accounts/records';
import { DECRYPT_FAILED_NOTICE, TOKEN_REJECTED_NOTICE } from '../../main/accounts/token-service';
import { AccountNotActive, NoSession } from '../../main/errors';
import type { Session } from '../../main/sessions/session';

/** Only what the records look at: the account id and the kind (and identity). */
const sessionOf = (accountId: string, kind: Session['kind'] = 'token') =>
  ({ kind, account: { id: accountId, label: accountId, baseUrl: 'http://127.0.0.1:1' } }) as unknown as Session;

const STORAGE = { backend: 'memory-test', persisted: true };

describe('session collection', () => {
  it('keys sessions by account id, several at once', () => {
    const { sessions, ...records } = createAccountRecords();
    const work = sessionOf('work');
    const home = sessionOf('home');
    records.open(work);
    records.open(home);
    expect(sessions.size).toBe(2);
    expect(sessions.get('work')).toBe(work);
    expect(sessions.require('home')).toBe(home);
    expect(sessions.list()).toEqual([work, home]);
    expect(sessions.requirePrimary()).toBe(work);
    expect(() => records.open(sessionOf('work'))).toThrow(/already open/);
  });

  it('fails with NoSession when none is open, AccountNotActive for another account', () => {
    const { sessions, ...records } = createAccountRecords();
    expect(() => sessions.require('work')).toThrow(NoSession);
    expect(() => sessions.requirePrimary()).toThrow(NoSession);
    records.open(sessionOf('work'));
    expect(() => sessions.require('home')).toThrow(AccountNotActive);
  });

  it('removes only the very session it was given, not a newer one of the same account', () => {
    const { sessions, ...records } = createAccountRecords();
    const old = sessionOf('work');
    records.open(old);
    expect(records.close(old)).toBe(true);
    const replacement = sessionOf('work');
    records.open(replacement);
    expect(records.close(old)).toBe(false);
    expect(sessions.get('work')).toBe(replacement);
    expect(sessions.size).toBe(1);
  });

  it('lists the sessions in the order they were opened, not the list’s (a reopened one comes last)', () => {
    const { sessions, ...records } = createAccountRecords();
    records.setList([
      { id: 'work', label: 'Work' },
      { id: 'home', label: 'Home' },
    ]);
    const home = sessionOf('home');
    records.open(home, STORAGE);
    const work = sessionOf('work');
    records.open(work, STORAGE);
    expect(sessions.list()).toEqual([home, work]);
    records.close(home);
    const reopened = sessionOf('home');
    records.open(reopened, STORAGE);
    expect(sessions.list()).toEqual([work, reopened]);
    expect(sessions.requirePrimary()).toBe(work);
  });
});

describe('account records', () => {
  it('one record per account: label, where its token is kept, its session and its notice', () => {
    const records = createAccountRecords();
    records.setList([{ id: 'work', label: 'Work' }]);
    records.setNotice('work', TOKEN_REJECTED_NOTICE);
    const session = sessionOf('work');
    records.open(session, STORAGE);
    // Polled again: the notice goes.
    expect(records.get('work')).toMatchObject({
      id: 'work',
      label: 'Work',
      place: 'listed',
      storage: STORAGE,
      session,
    });
    expect(records.get('work')?.notice).toBeUndefined();
    records.close(session);
    records.setNotice('work', TOKEN_REJECTED_NOTICE);
    expect(records.get('work')).toMatchObject({ storage: STORAGE, notice: TOKEN_REJECTED_NOTICE });
    expect(records.get('work')?.session).toBeUndefined();
  });

  it('follows the list: its order and labels; a lost account leaves it and is kept with its notice', () => {
    const records = createAccountRecords();
    records.setList([
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ]);
    records.markLost('b', DECRYPT_FAILED_NOTICE);
    records.setList([
      { id: 'c', label: 'Sea' },
      { id: 'a', label: 'A' },
    ]);
    expect(records.listed()).toEqual([
      { id: 'c', label: 'Sea' },
      { id: 'a', label: 'A' },
    ]);
    expect(records.get('b')).toMatchObject({ place: 'lost', label: 'B', notice: DECRYPT_FAILED_NOTICE });
    records.forget('b');
    expect(records.get('b')).toBeUndefined();
  });

  it('forgetting an account keeps a session still open under its id (the demo’s); an empty unlisted record goes', () => {
    const records = createAccountRecords();
    const demo = sessionOf('demo', 'demo');
    records.open(demo);
    records.forget('demo');
    expect(records.sessions.get('demo')).toBe(demo);
    expect(records.listed()).toEqual([]);
    records.close(demo);
    expect(records.all()).toEqual([]);
  });
});

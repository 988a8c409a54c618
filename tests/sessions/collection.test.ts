import { describe, expect, it } from 'vitest';
import { AccountNotActive, NoSession } from '../../main/errors';
import { createSessionCollection } from '../../main/sessions/collection';
import type { Session } from '../../main/sessions/session';

/** Only what the collection looks at: the account id (and identity). */
const sessionOf = (accountId: string) =>
  ({ account: { id: accountId, label: accountId, baseUrl: 'http://127.0.0.1:1' } }) as unknown as Session;

describe('session collection', () => {
  it('keys sessions by account id, several at once', () => {
    const sessions = createSessionCollection();
    const work = sessionOf('work');
    const home = sessionOf('home');
    sessions.add(work);
    sessions.add(home);
    expect(sessions.size).toBe(2);
    expect(sessions.get('work')).toBe(work);
    expect(sessions.require('home')).toBe(home);
    expect(sessions.list()).toEqual([work, home]);
    expect(sessions.requirePrimary()).toBe(work);
    expect(() => sessions.add(sessionOf('work'))).toThrow(/already open/);
  });

  it('fails with NoSession when none is open, AccountNotActive for another account', () => {
    const sessions = createSessionCollection();
    expect(() => sessions.require('work')).toThrow(NoSession);
    expect(() => sessions.requirePrimary()).toThrow(NoSession);
    sessions.add(sessionOf('work'));
    expect(() => sessions.require('home')).toThrow(AccountNotActive);
  });

  it('removes only the very session it was given, not a newer one of the same account', () => {
    const sessions = createSessionCollection();
    const old = sessionOf('work');
    sessions.add(old);
    expect(sessions.remove(old)).toBe(true);
    const replacement = sessionOf('work');
    sessions.add(replacement);
    expect(sessions.remove(old)).toBe(false);
    expect(sessions.get('work')).toBe(replacement);
    expect(sessions.size).toBe(1);
  });
});

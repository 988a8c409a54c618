// The open sessions, keyed by account id. Today at most one is open (the token account or the demo);
// the collection is ready for several accounts at once.
import { AccountNotActive, NoSession } from '../errors';
import type { Session } from './session';

export interface SessionCollection {
  /** Replaces nothing: an account with an open session must be closed first. */
  add(session: Session): void;
  /** Takes this very session out (not a newer one of the same account); false when it was not in. */
  remove(session: Session): boolean;
  get(accountId: string): Session | undefined;
  /** The session of `accountId`; NoSession when none is open, AccountNotActive when another one is. */
  require(accountId: string): Session;
  /** The session that calls naming no account act on (the first opened); NoSession when none is open. */
  requirePrimary(): Session;
  list(): Session[];
  readonly size: number;
}

export function createSessionCollection(): SessionCollection {
  const sessions = new Map<string, Session>();
  return {
    add(session) {
      const id = session.account.id;
      if (sessions.has(id)) throw new Error(`A session of account ${id} is already open.`);
      sessions.set(id, session);
    },
    remove(session) {
      if (sessions.get(session.account.id) !== session) return false;
      return sessions.delete(session.account.id);
    },
    get: (accountId) => sessions.get(accountId),
    require(accountId) {
      if (sessions.size === 0) throw new NoSession();
      const session = sessions.get(accountId);
      if (!session) throw new AccountNotActive();
      return session;
    },
    requirePrimary() {
      const first = sessions.values().next();
      if (first.done) throw new NoSession();
      return first.value;
    },
    list: () => [...sessions.values()],
    get size() {
      return sessions.size;
    },
  };
}

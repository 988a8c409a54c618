// The accounts' one home in memory: one record per account (its label and place in the list, where its
// token is kept, its open session, why it is not polled). Only main/accounts writes them; the other
// features read the open sessions through `sessions`. The list part is saved as settings.accounts by
// list.ts, which hands back here what the settings kept.
import type { AuthNotice, TokenStorageInfo } from '../../common/contract';
import type { AccountSetting } from '../../common/settings';
import { AccountNotActive, NoSession } from '../errors';
import type { Session } from '../sessions/session';

/**
 * listed: in the accounts list, in its order. lost: its token could not be read and was forgotten, so it
 * left the list; shown (this run) until removed. unlisted: a session the list does not name (the demo).
 */
type AccountPlace = 'listed' | 'lost' | 'unlisted';

interface AccountRecord {
  readonly id: string;
  readonly label: string;
  readonly place: AccountPlace;
  /** Where its token is kept, as of its last opened session. */
  readonly storage?: TokenStorageInfo;
  readonly session?: Session;
  /** Why it is not polled (token rejected, keychain locked, token unreadable). */
  readonly notice?: AuthNotice;
}

/** The open sessions, keyed by account id, in the order they were opened: what the other features read. */
export interface SessionCollection {
  get(accountId: string): Session | undefined;
  /** The session of `accountId`; NoSession when none is open, AccountNotActive when another one is. */
  require(accountId: string): Session;
  /** The session that calls naming no account act on (the first opened); NoSession when none is open. */
  requirePrimary(): Session;
  list(): Session[];
  readonly size: number;
}

export interface AccountRecords {
  readonly sessions: SessionCollection;
  get(id: string): AccountRecord | undefined;
  /** Every record: the listed ones first, in the list's order. */
  all(): AccountRecord[];
  /** The accounts list (ids and labels, in order), as settings.accounts holds it. */
  listed(): AccountSetting[];
  /**
   * The list as the settings kept it: its accounts are listed (with its labels, in its order); a listed
   * one it leaves out keeps its session and notice, unlisted, until forgotten.
   */
  setList(accounts: readonly AccountSetting[]): void;
  /**
   * Adds an open session; replaces none (close the account's one first). With `storage` it is a token
   * account's: where its token is kept is remembered, and its notice goes (it is polled again).
   */
  open(session: Session, storage?: TokenStorageInfo): void;
  /** Takes this very session out (not a newer one of the same account); false when it was not in. */
  close(session: Session): boolean;
  setNotice(id: string, notice: AuthNotice): void;
  /** A listed account whose token was forgotten: off the list, shown with `notice` until removed. */
  markLost(id: string, notice: AuthNotice): void;
  /** Forgets everything of the account but an open session (the demo's, whatever the popup asks). */
  forget(id: string): void;
}

interface Entry {
  id: string;
  label: string;
  place: AccountPlace;
  storage?: TokenStorageInfo;
  session?: Session;
  /** When its session was opened (a counter): the collection's order. */
  opened: number;
  notice?: AuthNotice;
}

export function createAccountRecords(): AccountRecords {
  let entries = new Map<string, Entry>();
  let openings = 0;

  const entryOf = (id: string, label: string): Entry => {
    let entry = entries.get(id);
    if (!entry) {
      entry = { id, label, place: 'unlisted', opened: 0 };
      entries.set(id, entry);
    }
    return entry;
  };
  /** An unlisted record left with nothing in it goes. */
  const tidy = (entry: Entry) => {
    if (entry.place === 'unlisted' && !entry.session && !entry.storage && !entry.notice) entries.delete(entry.id);
  };
  const open = (): Session[] =>
    [...entries.values()]
      .filter((entry) => entry.session)
      .toSorted((a, b) => a.opened - b.opened)
      .map((entry) => entry.session!);

  const sessions: SessionCollection = {
    get: (accountId) => entries.get(accountId)?.session,
    require(accountId) {
      const session = entries.get(accountId)?.session;
      if (session) return session;
      throw open().length === 0 ? new NoSession() : new AccountNotActive();
    },
    requirePrimary() {
      const first = open()[0];
      if (!first) throw new NoSession();
      return first;
    },
    list: open,
    get size() {
      return open().length;
    },
  };

  return {
    sessions,
    get: (id) => entries.get(id),
    all: () => [...entries.values()],
    listed: () =>
      [...entries.values()].filter((entry) => entry.place === 'listed').map(({ id, label }) => ({ id, label })),
    setList(accounts) {
      const next = new Map<string, Entry>();
      for (const { id, label } of accounts) {
        const entry = entries.get(id);
        next.set(id, entry ? { ...entry, label, place: 'listed' } : { id, label, place: 'listed', opened: 0 });
      }
      for (const entry of entries.values()) {
        if (next.has(entry.id)) continue;
        next.set(entry.id, entry.place === 'listed' ? { ...entry, place: 'unlisted' } : entry);
      }
      entries = next;
      for (const entry of entries.values()) tidy(entry);
    },
    open(session, storage) {
      const { id, label } = session.account;
      const entry = entryOf(id, label);
      if (entry.session) throw new Error(`A session of account ${id} is already open.`);
      entry.session = session;
      entry.opened = ++openings;
      if (storage) {
        entry.storage = { ...storage };
        delete entry.notice;
        if (entry.place === 'lost') entry.place = 'unlisted';
      }
    },
    close(session) {
      const entry = entries.get(session.account.id);
      if (entry?.session !== session) return false;
      delete entry.session;
      tidy(entry);
      return true;
    },
    setNotice(id, notice) {
      entryOf(id, id).notice = notice;
    },
    markLost(id, notice) {
      const entry = entries.get(id);
      if (!entry) return;
      // Last in the records: the lost accounts are shown in the order they were lost.
      entries.delete(id);
      entries.set(id, { ...entry, place: 'lost', notice });
    },
    forget(id) {
      const entry = entries.get(id);
      if (!entry) return;
      if (!entry.session) {
        entries.delete(id);
        return;
      }
      entries.set(id, { id, label: entry.label, place: 'unlisted', session: entry.session, opened: entry.opened });
    },
  };
}

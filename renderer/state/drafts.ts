// Drafts of half-filled forms (Create, Edit), kept in the page's storage so that they outlive a view
// change and a destroyed popup window. A draft belongs to an account, and an edit draft to a server:
// it goes when they go, since it could never be saved and would only leak into a later form.
import type { LocalStore } from './local';

export const draftKey = {
  create: (accountId: string) => `draft:create:${accountId}`,
  edit: (serverKey: string) => `draft:edit:${serverKey}`,
};

const EDIT_PREFIX = 'draft:edit:';

/** The account a draft key belongs to (server keys are `${accountId}:${id}`); undefined for other keys. */
export function draftAccount(key: string): string | undefined {
  if (key.startsWith('draft:create:')) return key.slice('draft:create:'.length);
  if (key.startsWith(EDIT_PREFIX)) return key.slice(EDIT_PREFIX.length).replace(/:[^:]*$/, '');
  return undefined;
}

export function createDrafts(local: LocalStore) {
  /** Drops every draft whose key and account `drop` picks. */
  function dropWhere(drop: (key: string, account: string | undefined) => boolean): void {
    local.removeWhere((key) => drop(key, draftAccount(key)));
  }

  return {
    /** What was kept under `key`: unknown, so the form checks its shape before use. */
    read: (key: string): unknown => local.read(key),
    keep: (key: string, draft: unknown): void => local.write(key, draft),
    discard: (key: string): void => local.remove(key),

    /** Signed out (or the token is gone): every account's drafts go. */
    dropAllAccounts(): void {
      dropWhere((_key, account) => account !== undefined);
    },

    /** Signed in to `accountId` (or these accounts): drafts of any other account go. */
    dropOtherAccounts(accountId: string | readonly string[]): void {
      const kept = typeof accountId === 'string' ? [accountId] : accountId;
      dropWhere((_key, account) => account !== undefined && !kept.includes(account));
    },

    /** These servers are gone: their edit drafts go. */
    dropEdits(serverKeys: readonly string[]): void {
      for (const key of serverKeys) local.remove(draftKey.edit(key));
    },

    /** A full list of `accountId`'s servers arrived: edit drafts of its servers not in it go. */
    dropEditsOfGoneServers(accountId: string, exists: (serverKey: string) => boolean): void {
      dropWhere(
        (key, account) =>
          key.startsWith(EDIT_PREFIX) && account === accountId && !exists(key.slice(EDIT_PREFIX.length)),
      );
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;

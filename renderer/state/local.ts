// What the popup keeps in the page's own storage (localStorage): drafts of half-filled forms and the
// start-up notices already dismissed. It outlives a view change and a destroyed popup window, which is
// the point. Values are JSON and `unknown` when read back: callers check their shape before use.
// The token is never kept here.

/** The part of the Web Storage API used here (localStorage, or a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LocalStore {
  read(key: string): unknown;
  write(key: string, value: unknown): void;
  remove(key: string): void;
}

const PREFIX = 'vps-tray:';

/** Storage failures (quota, disabled storage, broken JSON) lose only a convenience: they are ignored. */
export function createLocalStore(storage: KeyValueStorage | null): LocalStore {
  return {
    read(key) {
      try {
        const text = storage?.getItem(PREFIX + key) ?? null;
        return text === null ? undefined : (JSON.parse(text) as unknown);
      } catch {
        return undefined;
      }
    },
    write(key, value) {
      try {
        storage?.setItem(PREFIX + key, JSON.stringify(value));
      } catch {
        // Full or disabled storage: the draft is simply not kept.
      }
    },
    remove(key) {
      try {
        storage?.removeItem(PREFIX + key);
      } catch {
        // Nothing to undo.
      }
    },
  };
}

/** A Storage in memory: for tests and for pages where localStorage is not available. */
export function createMemoryStorage(): KeyValueStorage & { readonly size: number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    get size() {
      return items.size;
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const draftKey = {
  create: (accountId: string) => `draft:create:${accountId}`,
  edit: (serverKey: string) => `draft:edit:${serverKey}`,
};

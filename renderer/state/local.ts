// What the popup keeps in the page's own storage (localStorage): drafts of half-filled forms (drafts.ts)
// and the start-up notices already dismissed. It outlives a view change and a destroyed popup window, which is
// the point. Values are JSON and `unknown` when read back: callers check their shape before use.
// The token is never kept here.

/** The part of the Web Storage API used here (localStorage, or a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface LocalStore {
  read(key: string): unknown;
  write(key: string, value: unknown): void;
  remove(key: string): void;
  /** Removes every kept key that `drop` picks (keys as passed to `write`). */
  removeWhere(drop: (key: string) => boolean): void;
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
    removeWhere(drop) {
      if (!storage) return;
      try {
        // Collected first: removing while walking the indexes would skip keys.
        const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '');
        for (const key of keys) if (key.startsWith(PREFIX) && drop(key.slice(PREFIX.length))) storage.removeItem(key);
      } catch {
        // Disabled storage: nothing was kept.
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
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
    get size() {
      return items.size;
    },
  };
}

// The one place that opens electron-store files (settings.json, vault.json) in the user-data folder.
// A file that is not JSON, not an object, or that the caller's check refuses is moved aside to
// `<name>.corrupt-<timestamp>.json` and the store opens empty: a damaged file must never stop the app
// from starting (electron-store throws on unparseable JSON), and must never be lost silently.
import { chmodSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import type { KeyValueStore } from './vault';
import type { Log } from '../app-log';

/** An opened JSON store file: key access plus the whole content. */
export interface StoreFile extends KeyValueStore {
  readonly path: string;
  readAll(): Record<string, unknown>;
  replaceAll(content: Record<string, unknown>): void;
}

export interface OpenStoreFileOptions {
  /** Folder of the file: `app.getPath('userData')` in the app, a temp folder in tests. */
  directory: string;
  /** File name without `.json`. */
  name: string;
  /** Why parsed content cannot be used, or null when it can (e.g. a schema check). */
  contentProblem?: (content: Record<string, unknown>) => string | null;
  now?: () => Date;
  log?: Log;
}

export interface OpenedStoreFile {
  store: StoreFile;
  /** Set when the file was unusable and moved aside; the store then started empty. */
  recovered: { backupPath: string } | null;
}

/** `2026-11-26T20:15:00.123Z` -> `2026-11-26T20-15-00` (no colons: they are not allowed on Windows). */
export function backupTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '-');
}

function freeBackupPath(directory: string, name: string, date: Date): string {
  const stem = `${name}.corrupt-${backupTimestamp(date)}`;
  let candidate = join(directory, `${stem}.json`);
  for (let n = 2; existsSync(candidate); n += 1) candidate = join(directory, `${stem}-${n}.json`);
  return candidate;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why the file at `path` cannot be opened as it is, or null when it can (or does not exist). */
function fileProblem(path: string, check: OpenStoreFileOptions['contentProblem']): string | null {
  if (!existsSync(path)) return null;
  // A read error (permissions) is not corruption: it propagates, and nothing is moved.
  const text = readFileSync(path, 'utf8');
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!isPlainObject(content)) return 'not a JSON object';
  return check?.(content) ?? null;
}

/**
 * Opens `<directory>/<name>.json` with mode 0600, moving an unusable file aside first. Throws only when
 * the file cannot be read or moved aside, or the folder cannot be used at all (callers keep working in
 * memory then).
 */
export function openStoreFile(options: OpenStoreFileOptions): OpenedStoreFile {
  const log = options.log ?? ((level, message) => console[level](message));
  const path = join(options.directory, `${options.name}.json`);

  let recovered: OpenedStoreFile['recovered'] = null;
  const problem = fileProblem(path, options.contentProblem);
  if (problem !== null) {
    const backupPath = freeBackupPath(options.directory, options.name, (options.now ?? (() => new Date()))());
    renameSync(path, backupPath);
    log('warn', `The file ${path} was ${problem}; moved it to ${backupPath} and started empty.`);
    recovered = { backupPath };
  }

  const file = new ElectronStore<Record<string, unknown>>({
    cwd: options.directory,
    name: options.name,
    // Only the user may read it (settings name the API endpoint; the vault holds ciphertext).
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
  // A file from an older version (or copied in) may be world-readable: tighten it.
  if (existsSync(path) && process.platform !== 'win32') chmodSync(path, 0o600);

  const store: StoreFile = {
    path,
    get: (key) => file.get(key),
    set: (key, value) => file.set(key, value),
    delete: (key) => file.delete(key),
    readAll: () => ({ ...file.store }),
    replaceAll: (content) => {
      file.store = content;
    },
  };
  return { store, recovered };
}

// Settings persisted with electron-store as `settings.json` in the user-data folder (mode 0600).
// The file is validated with the app's settings schema on read. A file that is not JSON, or that breaks
// the schema, is moved aside to `settings.corrupt-<timestamp>.json` and the app starts with defaults:
// never a crash at start-up, never a silent loss of what the user had.
import { chmodSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import type { SettingsStore } from '../ports';
import { defaultSettings, settingsSchema, type Settings } from '../settings/schema';

export const SETTINGS_FILE_NAME = 'settings';

export interface SettingsStoreOptions {
  /** Folder of the file: `app.getPath('userData')` in the app, a temp folder in tests. */
  directory: string;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** `2026-11-26T20:15:00.123Z` -> `2026-11-26T20-15-00` (no colons: they are not allowed on Windows). */
export function backupTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '-');
}

function backupPath(directory: string, date: Date): string {
  const stem = `${SETTINGS_FILE_NAME}.corrupt-${backupTimestamp(date)}`;
  let candidate = join(directory, `${stem}.json`);
  for (let n = 2; existsSync(candidate); n += 1) candidate = join(directory, `${stem}-${n}.json`);
  return candidate;
}

type FileCheck = { ok: true; settings: Settings } | { ok: false; problem: string };

function checkFile(path: string): FileCheck {
  if (!existsSync(path)) return { ok: true, settings: defaultSettings() };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { ok: false, problem: `does not match the settings schema (${issues.join('; ')})` };
  }
  return { ok: true, settings: parsed.data };
}

export function openSettingsStore(options: SettingsStoreOptions): SettingsStore & { readonly path: string } {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((level, message) => console[level](message));
  const path = join(options.directory, `${SETTINGS_FILE_NAME}.json`);

  let current: Settings;
  const check = checkFile(path);
  if (check.ok) {
    current = check.settings;
  } else {
    const backup = backupPath(options.directory, now());
    try {
      renameSync(path, backup);
      log('warn', `Settings file ${path} was ${check.problem}; moved it to ${backup} and started with defaults.`);
    } catch (error) {
      log('error', `Settings file ${path} was ${check.problem} and could not be moved aside: ${String(error)}`);
    }
    current = defaultSettings();
  }

  let store: ElectronStore<Settings> | null = null;
  try {
    store = new ElectronStore<Settings>({
      cwd: options.directory,
      name: SETTINGS_FILE_NAME,
      // Only the user may read it (it names the API endpoint and the user's habits).
      configFileMode: 0o600,
      clearInvalidConfig: false,
    });
    if (existsSync(path)) {
      // A file from an older version (or copied in) may be world-readable: tighten it.
      if (process.platform !== 'win32') chmodSync(path, 0o600);
    } else {
      store.store = current;
    }
  } catch (error) {
    // e.g. the folder is read-only: keep working with the settings in memory.
    log('error', `Settings cannot be written to ${options.directory}: ${String(error)}`);
  }

  return {
    path,
    get: () => structuredClone(current),
    set(next: Settings): void {
      const parsed = settingsSchema.parse(next);
      current = parsed;
      try {
        if (store) store.store = parsed;
      } catch (error) {
        log('error', `Saving settings failed: ${String(error)}`);
      }
    },
  };
}

// Settings persisted as `settings.json` in the user-data folder. The file is opened by store-file.ts
// (which moves a file that is not JSON, or that this module's check refuses, aside) and handed in here,
// so this module is plain TypeScript: the app's settings schema on read, on write, and a memory-only
// fallback when the file could not be opened at all. A read is O(1): the stored settings are one frozen
// snapshot, handed out as is (never copied) until a write replaces it with a new one.
import type { DeepReadonly, SettingsStore } from '../ports';
import { defaultSettings, settingsSchema } from '../settings/schema';
import type { StoreFile } from './store-file';
import type { Log } from '../app-log';

export const SETTINGS_FILE_NAME = 'settings';

/** Why a settings file's content cannot be used, or null when it can (missing keys take defaults). */
export function settingsContentProblem(content: Record<string, unknown>): string | null {
  const parsed = settingsSchema.safeParse(content);
  if (parsed.success) return null;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `does not match the settings schema (${issues.join('; ')})`;
}

/** Freezes `value` and everything in it, so no reader can change what every other reader sees. */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** Settings over an opened file, or in memory only when `file` is null (e.g. a read-only folder). */
export function createSettingsStore(file: StoreFile | null, log: Log): SettingsStore {
  let current = deepFreeze(defaultSettings());
  if (file) {
    try {
      const content = file.readAll();
      const parsed = settingsSchema.safeParse(content);
      if (parsed.success) current = deepFreeze(parsed.data);
      // A new (or just moved-aside) file: write the defaults, so the user has a file to look at.
      if (Object.keys(content).length === 0) file.replaceAll({ ...current });
    } catch (error) {
      log('error', `Settings cannot be read or written at ${file.path}: ${String(error)}`);
    }
  }

  return {
    get: () => current,
    set(next): void {
      // The schema builds a new object (it never keeps the caller's), which becomes the new snapshot.
      const parsed = deepFreeze(settingsSchema.parse(next));
      current = parsed;
      try {
        file?.replaceAll({ ...parsed });
      } catch (error) {
        log('error', `Saving settings failed: ${String(error)}`);
      }
    },
  };
}

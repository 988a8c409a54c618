// Opens the app's two files in the user-data folder (settings.json, vault.json) through store-file.ts
// and collects what the user must hear about: a file that was unusable and moved aside becomes an
// AppNotice, shown once in the popup. Nothing here throws: the app starts whatever the files hold.
import type { AppNotice } from '../../common/contract';
import type { SettingsStore } from '../ports';
import { createSettingsStore, SETTINGS_FILE_NAME, settingsContentProblem } from './settings-store';
import { openStoreFile, type OpenedStoreFile, type OpenStoreFileOptions } from './store-file';
import { vaultContentProblem, type KeyValueStore } from './vault';
import type { Log } from '../app-log';

const VAULT_FILE_NAME = 'vault';

export interface AppStores {
  settings: SettingsStore;
  /** Where the vault keeps its ciphertext (in memory when vault.json cannot be opened at all). */
  vaultStore: KeyValueStore;
  notices: AppNotice[];
}

export interface OpenAppStoresOptions {
  directory: string;
  now?: () => Date;
  log: Log;
}

function memoryKeyValueStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return {
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
    delete: (key) => data.delete(key),
  };
}

function tryOpen(options: OpenStoreFileOptions, log: Log): OpenedStoreFile | null {
  try {
    return openStoreFile(options);
  } catch (error) {
    log('error', `${options.name}.json in ${options.directory} cannot be used; working in memory: ${String(error)}`);
    return null;
  }
}

export function openAppStores(options: OpenAppStoresOptions): AppStores {
  const { directory, log } = options;
  const common = { directory, log, ...(options.now ? { now: options.now } : {}) };
  const notices: AppNotice[] = [];

  const settingsFile = tryOpen({ ...common, name: SETTINGS_FILE_NAME, contentProblem: settingsContentProblem }, log);
  if (settingsFile?.recovered) notices.push({ code: 'settings-reset', backupPath: settingsFile.recovered.backupPath });

  const vaultFile = tryOpen({ ...common, name: VAULT_FILE_NAME, contentProblem: vaultContentProblem }, log);
  if (vaultFile?.recovered) notices.push({ code: 'vault-reset', backupPath: vaultFile.recovered.backupPath });

  return {
    settings: createSettingsStore(settingsFile?.store ?? null, log),
    vaultStore: vaultFile?.store ?? memoryKeyValueStore(),
    notices,
  };
}

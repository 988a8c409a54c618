// The token vault (vault.ts) over Electron's safeStorage. Needs app ready: safeStorage is not
// initialised before.
import { safeStorage } from 'electron';
import type { Log } from '../app-log';
import type { TokenVault } from '../ports';
import { createTokenVault, type KeyValueStore, type SafeStoragePort } from './vault';

export function setupVault(deps: { store: KeyValueStore; log: Log }): TokenVault {
  const port: SafeStoragePort = {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptStringAsync: (text) => safeStorage.encryptStringAsync(text),
    decryptStringAsync: (data) => safeStorage.decryptStringAsync(data),
    ...(process.platform === 'linux'
      ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() }
      : {}),
  };
  return createTokenVault({ safeStorage: port, store: deps.store, platform: process.platform, log: deps.log });
}

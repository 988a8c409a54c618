// The app's two files opened together (stores.ts): vault.json moved aside with a notice, and memory
// when the folder cannot be used.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { fileMode, useStoreFolder } = await import('./store-folder');
const { openAppStores } = await import('../../main/desktop/stores');
const { createTokenVault, VAULT_KEY } = await import('../../main/desktop/vault');

const folder = useStoreFolder();

describe('vault file', () => {
  it('moves an unparseable vault.json aside, opens empty and tells the user, without throwing', async () => {
    const garbage = '{"tokenVault": {"version": 1, "accounts": {"default": ';
    writeFileSync(join(folder.path, 'vault.json'), garbage);
    const { vaultStore, notices } = folder.open();
    const backup = join(folder.path, 'vault.corrupt-2026-11-26T20-15-00.json');
    expect(readFileSync(backup, 'utf8')).toBe(garbage);
    expect(notices).toEqual([{ code: 'vault-reset', backupPath: backup }]);
    expect(vaultStore.get(VAULT_KEY)).toBeUndefined();
    // The vault over it starts with no token: the popup asks for one.
    const vault = createTokenVault({
      safeStorage: {
        isAsyncEncryptionAvailable: async () => true,
        encryptStringAsync: async (text) => Buffer.from(text),
        decryptStringAsync: async (data) => ({ shouldReEncrypt: false, result: data.toString() }),
      },
      store: vaultStore,
      platform: 'darwin',
    });
    await expect(vault.load()).resolves.toEqual({ status: 'none' });
  });

  it('moves vault data of another version (a downgrade) aside instead of deleting it, and tells the user', async () => {
    const newer = JSON.stringify({ tokenVault: { version: 3, keys: { default: { sealed: 'abc' } } } });
    writeFileSync(join(folder.path, 'vault.json'), newer);
    const logs: string[] = [];
    const { vaultStore, notices } = folder.open((_level, message) => void logs.push(message));
    const backup = join(folder.path, 'vault.corrupt-2026-11-26T20-15-00.json');
    expect(readFileSync(backup, 'utf8')).toBe(newer);
    expect(notices).toEqual([{ code: 'vault-reset', backupPath: backup }]);
    expect(logs.join('\n')).toMatch(/vault schema \(tokenVault\.version/);
    expect(vaultStore.get(VAULT_KEY)).toBeUndefined();
  });

  it('reports both files when both are corrupt', () => {
    writeFileSync(join(folder.path, 'settings.json'), 'not json');
    writeFileSync(join(folder.path, 'vault.json'), '"a string"');
    expect(folder.open().notices.map((notice) => notice.code)).toEqual(['settings-reset', 'vault-reset']);
    expect(readFileSync(join(folder.path, 'vault.corrupt-2026-11-26T20-15-00.json'), 'utf8')).toBe('"a string"');
  });

  it('keeps a good vault.json, written with mode 0600', () => {
    const first = folder.open();
    first.vaultStore.set('tokenVault', { version: 1, activeAccountId: null, accounts: {} });
    const file = join(folder.path, 'vault.json');
    expect(process.platform === 'win32' || fileMode(file) === 0o600).toBe(true);
    const again = folder.open();
    expect(again.notices).toEqual([]);
    expect(again.vaultStore.get('tokenVault')).toEqual({ version: 1, activeAccountId: null, accounts: {} });
  });

  it('works in memory when the folder cannot be used, without throwing', () => {
    const notAFolder = join(folder.path, 'occupied');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const errors: string[] = [];
    const stores = openAppStores({ directory: notAFolder, log: (level, m) => level === 'error' && errors.push(m) });
    expect(stores.settings.get()).toEqual(defaultSettings());
    stores.vaultStore.set('k', 1);
    expect(stores.vaultStore.get('k')).toBe(1);
    expect(stores.notices).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});

// The app's two files opened together (stores.ts): vault.json moved aside with a notice, and memory
// when the folder cannot be used.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import type { Log } from '../../common/log';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { openAppStores } = await import('../../main/desktop/stores');
const { createTokenVault, VAULT_KEY } = await import('../../main/desktop/vault');

let directory: string;
const fixedNow = () => new Date('2026-11-26T20:15:00.123Z');
const quiet = () => {};

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'vps-settings-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

const fileMode = (path: string) => statSync(path).mode & 0o777;
const openStores = (log: Log = quiet) => openAppStores({ directory, now: fixedNow, log });

describe('vault file', () => {
  it('moves an unparseable vault.json aside, opens empty and tells the user, without throwing', async () => {
    const garbage = '{"tokenVault": {"version": 1, "accounts": {"default": ';
    writeFileSync(join(directory, 'vault.json'), garbage);
    const { vaultStore, notices } = openStores();
    const backup = join(directory, 'vault.corrupt-2026-11-26T20-15-00.json');
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
    const newer = JSON.stringify({ tokenVault: { version: 2, keys: { default: { sealed: 'abc' } } } });
    writeFileSync(join(directory, 'vault.json'), newer);
    const logs: string[] = [];
    const { vaultStore, notices } = openStores((_level, message) => void logs.push(message));
    const backup = join(directory, 'vault.corrupt-2026-11-26T20-15-00.json');
    expect(readFileSync(backup, 'utf8')).toBe(newer);
    expect(notices).toEqual([{ code: 'vault-reset', backupPath: backup }]);
    expect(logs.join('\n')).toMatch(/vault schema \(tokenVault\.version/);
    expect(vaultStore.get(VAULT_KEY)).toBeUndefined();
  });

  it('reports both files when both are corrupt', () => {
    writeFileSync(join(directory, 'settings.json'), 'not json');
    writeFileSync(join(directory, 'vault.json'), '"a string"');
    expect(openStores().notices.map((notice) => notice.code)).toEqual(['settings-reset', 'vault-reset']);
    expect(readFileSync(join(directory, 'vault.corrupt-2026-11-26T20-15-00.json'), 'utf8')).toBe('"a string"');
  });

  it('keeps a good vault.json, written with mode 0600', () => {
    const first = openStores();
    first.vaultStore.set('tokenVault', { version: 1, activeAccountId: null, accounts: {} });
    const file = join(directory, 'vault.json');
    expect(process.platform === 'win32' || fileMode(file) === 0o600).toBe(true);
    const again = openStores();
    expect(again.notices).toEqual([]);
    expect(again.vaultStore.get('tokenVault')).toEqual({ version: 1, activeAccountId: null, accounts: {} });
  });

  it('works in memory when the folder cannot be used, without throwing', () => {
    const notAFolder = join(directory, 'occupied');
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

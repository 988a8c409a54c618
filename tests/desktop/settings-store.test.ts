import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import type { Log } from '../../common/log';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { openAppStores } = await import('../../main/desktop/stores');
const { backupTimestamp } = await import('../../main/desktop/store-file');
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

describe('settings store', () => {
  it('starts with defaults and writes the file with mode 0600', () => {
    const { settings, notices } = openStores();
    expect(settings.get()).toEqual(defaultSettings());
    expect(notices).toEqual([]);
    const file = join(directory, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(defaultSettings());
    expect(process.platform === 'win32' || fileMode(file) === 0o600).toBe(true);
  });

  it('persists changes across reopen', () => {
    const { settings } = openStores();
    settings.set({ ...settings.get(), notifications: false, language: 'cs' });
    expect(openStores().settings.get()).toMatchObject({ notifications: false, language: 'cs' });
  });

  it('fills in defaults for keys missing from an older file', () => {
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ launchAtLogin: true }));
    expect(openStores().settings.get()).toEqual({ ...defaultSettings(), launchAtLogin: true });
  });

  it('moves unparseable JSON aside to a timestamped backup, starts with defaults and tells the user', () => {
    const garbage = '{"notifications": fal';
    writeFileSync(join(directory, 'settings.json'), garbage);
    const warnings: string[] = [];
    const { settings, notices } = openStores((level, m) => level === 'warn' && warnings.push(m));
    expect(settings.get()).toEqual(defaultSettings());
    const backup = join(directory, 'settings.corrupt-2026-11-26T20-15-00.json');
    expect(readFileSync(backup, 'utf8')).toBe(garbage);
    expect(notices).toEqual([{ code: 'settings-reset', backupPath: backup }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(backup);
    expect(JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8'))).toEqual(defaultSettings());
  });

  it('moves a schema-breaking file aside (wrong types) and keeps both backups of two bad starts', () => {
    const wrong = JSON.stringify({ notifications: 'yes', pollIntervals: { idleSeconds: 1 } });
    writeFileSync(join(directory, 'settings.json'), wrong);
    const warnings: string[] = [];
    openStores((_l, m) => warnings.push(m));
    expect(warnings[0]).toMatch(/notifications/);
    writeFileSync(join(directory, 'settings.json'), '[]');
    const { settings, notices } = openStores();
    expect(settings.get()).toEqual(defaultSettings());
    expect(notices).toEqual([
      { code: 'settings-reset', backupPath: join(directory, 'settings.corrupt-2026-11-26T20-15-00-2.json') },
    ]);
    expect(readdirSync(directory).toSorted()).toEqual([
      'settings.corrupt-2026-11-26T20-15-00-2.json',
      'settings.corrupt-2026-11-26T20-15-00.json',
      'settings.json',
    ]);
    expect(readFileSync(join(directory, 'settings.corrupt-2026-11-26T20-15-00.json'), 'utf8')).toBe(wrong);
  });

  it('refuses to store invalid settings and keeps the previous ones', () => {
    const { settings } = openStores();
    expect(() =>
      settings.set({ ...settings.get(), pollIntervals: { idleSeconds: 1, openSeconds: 15, fastSeconds: 3 } }),
    ).toThrow(/idleSeconds|>=|15/);
    expect(settings.get()).toEqual(defaultSettings());
  });

  it('formats backup timestamps without colons', () => {
    expect(backupTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03-04-05');
  });
});

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

describe('file permissions', () => {
  it.each(['settings.json', 'vault.json'])('tightens an existing world-readable %s to 0600', (name) => {
    const file = join(directory, name);
    writeFileSync(file, JSON.stringify({ language: 'en' }), { mode: 0o644 });
    openStores();
    expect(process.platform === 'win32' || fileMode(file) === 0o600).toBe(true);
  });
});

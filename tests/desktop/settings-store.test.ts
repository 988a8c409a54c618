import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { openSettingsStore, backupTimestamp } = await import('../../main/desktop/settings-store');

let directory: string;
const fixedNow = () => new Date('2026-11-26T20:15:00.123Z');

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'vps-settings-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts with defaults and writes the file with mode 0600', () => {
    const store = openSettingsStore({ directory, now: fixedNow, log: () => {} });
    expect(store.get()).toEqual(defaultSettings());
    const file = join(directory, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(defaultSettings());
    expect(process.platform === 'win32' || (statSync(file).mode & 0o777) === 0o600).toBe(true);
  });

  it('persists changes across reopen', () => {
    const store = openSettingsStore({ directory, log: () => {} });
    store.set({ ...store.get(), notifications: false, language: 'cs' });
    const reopened = openSettingsStore({ directory, log: () => {} });
    expect(reopened.get()).toMatchObject({ notifications: false, language: 'cs' });
  });

  it('fills in defaults for keys missing from an older file', () => {
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ launchAtLogin: true }));
    const store = openSettingsStore({ directory, log: () => {} });
    expect(store.get()).toEqual({ ...defaultSettings(), launchAtLogin: true });
  });

  it('moves unparseable JSON aside to a timestamped backup and starts with defaults', () => {
    const garbage = '{"notifications": fal';
    writeFileSync(join(directory, 'settings.json'), garbage);
    const warnings: string[] = [];
    const store = openSettingsStore({
      directory,
      now: fixedNow,
      log: (level, m) => level === 'warn' && warnings.push(m),
    });
    expect(store.get()).toEqual(defaultSettings());
    const backup = join(directory, 'settings.corrupt-2026-11-26T20-15-00.json');
    expect(readFileSync(backup, 'utf8')).toBe(garbage);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(backup);
    expect(JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8'))).toEqual(defaultSettings());
  });

  it('moves a schema-breaking file aside (wrong types) and keeps both backups of two bad starts', () => {
    const wrong = JSON.stringify({ notifications: 'yes', pollIntervals: { idleSeconds: 1 } });
    writeFileSync(join(directory, 'settings.json'), wrong);
    const warnings: string[] = [];
    openSettingsStore({ directory, now: fixedNow, log: (_l, m) => warnings.push(m) });
    expect(warnings[0]).toMatch(/notifications/);
    writeFileSync(join(directory, 'settings.json'), '[]');
    const store = openSettingsStore({ directory, now: fixedNow, log: () => {} });
    expect(store.get()).toEqual(defaultSettings());
    expect(readdirSync(directory).toSorted()).toEqual([
      'settings.corrupt-2026-11-26T20-15-00-2.json',
      'settings.corrupt-2026-11-26T20-15-00.json',
      'settings.json',
    ]);
    expect(readFileSync(join(directory, 'settings.corrupt-2026-11-26T20-15-00.json'), 'utf8')).toBe(wrong);
  });

  it('refuses to store invalid settings and keeps the previous ones', () => {
    const store = openSettingsStore({ directory, log: () => {} });
    expect(() =>
      store.set({ ...store.get(), pollIntervals: { idleSeconds: 1, openSeconds: 15, fastSeconds: 3 } }),
    ).toThrow(/idleSeconds|>=|15/);
    expect(store.get()).toEqual(defaultSettings());
  });

  it('formats backup timestamps without colons', () => {
    expect(backupTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03-04-05');
  });
});

describe('settings file permissions', () => {
  it('tightens an existing world-readable file to 0600', () => {
    const file = join(directory, 'settings.json');
    writeFileSync(file, JSON.stringify({ language: 'en' }), { mode: 0o644 });
    const store = openSettingsStore({ directory, log: () => {} });
    expect(store.get().language).toBe('en');
    expect(process.platform === 'win32' || (statSync(file).mode & 0o777) === 0o600).toBe(true);
  });
});

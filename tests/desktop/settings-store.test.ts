// settings.json as the app opens it (stores.ts): defaults, persistence, and a bad file moved aside.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { fileMode, useStoreFolder } = await import('./store-folder');

const folder = useStoreFolder();

describe('settings store', () => {
  it('starts with defaults and writes the file with mode 0600', () => {
    const { settings, notices } = folder.open();
    expect(settings.get()).toEqual(defaultSettings());
    expect(notices).toEqual([]);
    const file = join(folder.path, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(defaultSettings());
    expect(process.platform === 'win32' || fileMode(file) === 0o600).toBe(true);
  });

  it('persists changes across reopen', () => {
    const { settings } = folder.open();
    settings.set({ ...settings.get(), notifications: false, language: 'cs' });
    expect(folder.open().settings.get()).toMatchObject({ notifications: false, language: 'cs' });
  });

  it('keeps alert expectations, thresholds and pauses across reopen; an odd alert value falls back alone', () => {
    const { settings } = folder.open();
    const alerts = {
      ...defaultSettings().alerts,
      holdSeconds: 60,
      thresholds: { cpuPercent: 90, diskPercent: null, bandwidthPercent: 75 },
      expectations: { 'acc:1': 'should-run' as const, 'acc:2': 'may-stop' as const },
      serverThresholds: { 'acc:1': { cpuPercent: null } },
      pauseAll: { until: 1_900_000_000_000 },
      serverPauses: { 'acc:2': { until: null } },
    };
    settings.set({ ...settings.get(), alerts });
    expect(folder.open().settings.get().alerts).toEqual(alerts);

    const file = join(folder.path, 'settings.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, alerts: { ...stored.alerts, holdSeconds: 'soon', pauseAll: 7 } }));
    const { settings: reopened, notices } = folder.open();
    // Not worth resetting the whole file for: the odd values take their defaults, the rest stays.
    expect(notices).toEqual([]);
    expect(reopened.get().alerts).toEqual({ ...alerts, holdSeconds: 180, pauseAll: null });
  });

  it('fills in defaults for keys missing from an older file', () => {
    writeFileSync(join(folder.path, 'settings.json'), JSON.stringify({ launchAtLogin: true }));
    expect(folder.open().settings.get()).toEqual({ ...defaultSettings(), launchAtLogin: true });
  });

  it('moves unparseable JSON aside to a timestamped backup, starts with defaults and tells the user', () => {
    const garbage = '{"notifications": fal';
    writeFileSync(join(folder.path, 'settings.json'), garbage);
    const warnings: string[] = [];
    const { settings, notices } = folder.open((level, m) => level === 'warn' && warnings.push(m));
    expect(settings.get()).toEqual(defaultSettings());
    const backup = join(folder.path, 'settings.corrupt-2026-11-26T20-15-00.json');
    expect(readFileSync(backup, 'utf8')).toBe(garbage);
    expect(notices).toEqual([{ code: 'settings-reset', backupPath: backup }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(backup);
    expect(JSON.parse(readFileSync(join(folder.path, 'settings.json'), 'utf8'))).toEqual(defaultSettings());
  });

  it('moves a schema-breaking file aside (wrong types) and keeps both backups of two bad starts', () => {
    const wrong = JSON.stringify({ notifications: 'yes', pollIntervals: { idleSeconds: 1 } });
    writeFileSync(join(folder.path, 'settings.json'), wrong);
    const warnings: string[] = [];
    folder.open((_l, m) => warnings.push(m));
    expect(warnings[0]).toMatch(/notifications/);
    writeFileSync(join(folder.path, 'settings.json'), '[]');
    const { settings, notices } = folder.open();
    expect(settings.get()).toEqual(defaultSettings());
    expect(notices).toEqual([
      { code: 'settings-reset', backupPath: join(folder.path, 'settings.corrupt-2026-11-26T20-15-00-2.json') },
    ]);
    expect(readdirSync(folder.path).toSorted()).toEqual([
      'settings.corrupt-2026-11-26T20-15-00-2.json',
      'settings.corrupt-2026-11-26T20-15-00.json',
      'settings.json',
    ]);
    expect(readFileSync(join(folder.path, 'settings.corrupt-2026-11-26T20-15-00.json'), 'utf8')).toBe(wrong);
  });

  it('refuses to store invalid settings and keeps the previous ones', () => {
    const { settings } = folder.open();
    expect(() =>
      settings.set({ ...settings.get(), pollIntervals: { idleSeconds: 1, openSeconds: 15, fastSeconds: 3 } }),
    ).toThrow(/idleSeconds|>=|15/);
    expect(settings.get()).toEqual(defaultSettings());
  });

  it('hands out one frozen snapshot per write: reads never copy, and no reader can change it', () => {
    const { settings } = folder.open();
    const expectations = Object.fromEntries(
      Array.from({ length: 5_000 }, (_, i) => [`acc:${i}`, 'should-run' as const]),
    );
    settings.set({ ...settings.get(), alerts: { ...settings.get().alerts, expectations } });

    const first = settings.get();
    expect(settings.get()).toBe(first);
    expect(settings.get().alerts.expectations).toBe(first.alerts.expectations);

    // Through a read, nothing in the stored settings can be changed, however deep.
    const writable = first as unknown as {
      language: string;
      accounts: unknown[];
      alerts: { expectations: Record<string, string> };
    };
    expect(() => (writable.language = 'cs')).toThrow(TypeError);
    expect(() => writable.accounts.push({ id: 'x', label: 'x' })).toThrow(TypeError);
    expect(() => (writable.alerts.expectations['acc:1'] = 'may-stop')).toThrow(TypeError);
    expect(settings.get().language).toBe('auto');
    expect(settings.get().alerts.expectations['acc:1']).toBe('should-run');

    // A write makes a new snapshot (frozen too) and leaves the caller's object its own.
    const change = { ...first, language: 'cs' as const };
    settings.set(change);
    const second = settings.get();
    expect(second).not.toBe(first);
    expect(second).not.toBe(change);
    expect(second.language).toBe('cs');
    expect(Object.isFrozen(second) && Object.isFrozen(second.alerts.expectations)).toBe(true);
    expect(Object.isFrozen(change)).toBe(false);
    expect(first.language).toBe('auto');
  });
});

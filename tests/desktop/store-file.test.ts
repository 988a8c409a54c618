// What store-file.ts does to every file it opens: backup names without colons, mode 0600.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Log } from '../../common/log';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { openAppStores } = await import('../../main/desktop/stores');
const { backupTimestamp } = await import('../../main/desktop/store-file');

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

describe('backup names', () => {
  it('formats backup timestamps without colons', () => {
    expect(backupTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03-04-05');
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

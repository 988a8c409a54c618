// What store-file.ts does to every file it opens: backup names without colons, mode 0600.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-store imports `electron` for app paths; with an explicit `cwd` it needs none of it.
vi.mock('electron', () => ({ default: {} }));

const { fileMode, useStoreFolder } = await import('./store-folder');
const { backupTimestamp } = await import('../../main/desktop/store-file');

const folder = useStoreFolder();

describe('backup names', () => {
  it('formats backup timestamps without colons', () => {
    expect(backupTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03-04-05');
  });
});

describe('file permissions', () => {
  it.each(['settings.json', 'vault.json'])('tightens an existing world-readable %s to 0600', (name) => {
    const file = join(folder.path, name);
    writeFileSync(file, JSON.stringify({ language: 'en' }), { mode: 0o644 });
    folder.open();
    expect(process.platform === 'win32' || fileMode(file) === 0o600).toBe(true);
  });
});

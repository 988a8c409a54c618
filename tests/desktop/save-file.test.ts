// An exported file the user saved is theirs alone (0600), also when it replaced a wider one; the Save
// dialog proposes the export's name and its type.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveDialogOptions, writeSavedFile } from '../../main/desktop/save-file';

let folder: string;
beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'vps-save-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('writeSavedFile', () => {
  it('writes a new file 0600 and takes a replaced file’s wider rights away', () => {
    const path = join(folder, 'history.csv');
    writeSavedFile(path, 'a,b\r\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    writeSavedFile(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('saveDialogOptions', () => {
  it('proposes the file’s name with a filter of its type', () => {
    expect(saveDialogOptions({ fileName: 'vps-history-web.json', mimeType: 'application/json', content: '' })).toEqual({
      defaultPath: 'vps-history-web.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
  });
});

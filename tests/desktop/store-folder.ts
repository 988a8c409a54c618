// The app's files for the store tests: a fresh folder per test, and the stores opened in it as the app
// opens them (stores.ts), at a fixed time so backup names are known. The test file mocks `electron`
// itself (electron-store imports it for app paths; with an explicit `cwd` it needs none of it), before
// this module is imported.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Log } from '../../main/app-log';
import { openAppStores, type AppStores } from '../../main/desktop/stores';

export interface StoreFolder {
  /** This test's folder (a new one for each test, removed after it). */
  readonly path: string;
  /** The app's stores over this folder, at 2026-11-26T20:15:00.123Z; `log` hears what they report. */
  open(log?: Log): AppStores;
}

const fixedNow = () => new Date('2026-11-26T20:15:00.123Z');

/** Registers the folder's creation and removal around each test of the calling file. */
export function useStoreFolder(): StoreFolder {
  let path = '';
  beforeEach(() => {
    path = mkdtempSync(join(tmpdir(), 'vps-settings-'));
  });
  afterEach(() => {
    rmSync(path, { recursive: true, force: true });
  });
  return {
    get path() {
      return path;
    },
    open: (log = () => {}) => openAppStores({ directory: path, now: fixedNow, log }),
  };
}

/** The permission bits of a file (0o600 for the app's files). */
export const fileMode = (path: string) => statSync(path).mode & 0o777;

// macOS's unsigned-build notice (mac-signature.ts) in Electron: `codesign` run with execFile, asked a
// little after start (never before the tray exists), the answer given to the popup as an app notice.
import { execFile } from 'node:child_process';
import { app } from 'electron';
import type { AppNotice } from '../../common/contract';
import type { Log } from '../app-log';
import { checkMacSignature, type StderrRunner } from './mac-signature';

/** Start-up is busy (the first poll, the popup's page): codesign waits until it is over. */
const ASK_AFTER_MS = 10_000;

/** codesign's stderr; an exit status of its own (1: not signed) is an answer, not a failure. */
const runForStderr: StderrRunner = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, _stdout, stderr) => {
      // Missing (ENOENT: a string code) or killed at the timeout: no answer.
      if (error && (typeof error.code !== 'number' || error.killed)) reject(error);
      else resolve(stderr);
    });
  });

/** Schedules the check (call it after setupTray); returns its cancel. */
export function setupMacSignatureNotice(deps: { addNotice(notice: AppNotice): void; log: Log }): () => void {
  const timer = setTimeout(() => {
    void checkMacSignature({
      platform: process.platform,
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      run: runForStderr,
    }).then((answer) => {
      if (answer !== 'unsigned') return;
      deps.log('warn', 'This build is not signed: macOS does not deliver its notifications.');
      deps.addNotice({ code: 'notifications-unsigned', version: app.getVersion() });
    });
  }, ASK_AFTER_MS);
  // A pending check never keeps the app alive.
  timer.unref();
  return () => clearTimeout(timer);
}

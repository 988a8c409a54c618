// The first-start notice for a Linux desktop with no tray host (tray-host.ts) in Electron: `gdbus` run
// with execFile, the notice remembered as a marker file in the profile, the text in the user's language.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import type { Log } from '../app-log';
import type { Messages } from '../i18n';
import type { Notifier } from '../ports';
import { gdbusTrayHost, tellWhenNoTrayHost, type CommandRunner } from './tray-host';

/** In the profile: the notice was shown once. */
const MARKER_FILE = 'tray-host-notice-shown';
/** Started with the session, the panel may register its host a moment after the app: ask a little later. */
const ASK_AFTER_MS = 10_000;

const runCommand: CommandRunner = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/** Schedules the check (never before the tray exists: call it after setupTray); returns its cancel. */
export function setupTrayHostNotice(deps: {
  notifier: Pick<Notifier, 'notify'>;
  messages: () => Messages;
  log: Log;
}): () => void {
  const marker = join(app.getPath('userData'), MARKER_FILE);
  const timer = setTimeout(() => {
    void tellWhenNoTrayHost({
      platform: process.platform,
      askBus: gdbusTrayHost(runCommand),
      alreadyTold: () => existsSync(marker),
      remember: () => writeFileSync(marker, `${new Date().toISOString()}\n`),
      notify: () => {
        const { t } = deps.messages();
        deps.notifier.notify(t('notification.noTrayHost'), t('notification.noTrayHostBody'));
      },
      log: deps.log,
    });
  }, ASK_AFTER_MS);
  // A pending check never keeps the app alive.
  timer.unref();
  return () => clearTimeout(timer);
}

// `--self-test`: the real app checks itself on the desktop it runs on and exits 0 or 1 within 60 s,
// with ONE line of JSON on stdout (self-test.ts). Before `ready` it moves the profile to a
// new temporary folder (userData and the logs; the single-instance lock follows userData, so a running
// tray does not stop it) with the demo, no update checks and no global shortcut; main/index.ts starts
// the app as usual but in demo mode and without touching launch at login. Once started, the checks
// (self-test.ts) look at the real tray, popup and preload, core, safeStorage and packaged
// files; then the core stops, the folder is removed and the app exits with the verdict's code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, safeStorage, type Tray } from 'electron';
import { EventChannel } from '../../common/contract';
import type { Log } from '../app-log';
import type { Core } from '../core';
import {
  abortedVerdict,
  selfTestChecks,
  type SafeStorageLike,
  type SelfTestPorts,
  exitCodeOf,
  runChecks,
  SELF_TEST_DEADLINE_MS,
  SELF_TEST_EXIT_RESERVE_MS,
  verdictLine,
  type Verdict,
} from './self-test';
import type { PopupController } from './popup-window';

const SELF_TEST_FLAG = '--self-test';
const STOP_WAIT_MS = 3_000;
/** The popup's rows, as the list renders them (renderer/views/list/ServerList.tsx). */
const COUNT_ROWS = "document.querySelectorAll('ul.server-list > li').length";

interface SelfTestParts {
  core: Pick<Core, 'tray' | 'powerAction' | 'onEvent' | 'stop'>;
  tray: { tray: Tray };
  popup: Pick<PopupController, 'show' | 'isVisible' | 'webContents'>;
}

export interface SelfTestRun {
  /** Start-up is done: the checks may look at the app. */
  started(parts: SelfTestParts): void;
  /** Start-up failed: the verdict says so. */
  failed(error: unknown): void;
}

function packagedFiles(): SelfTestPorts['packaged'] {
  if (!app.isPackaged) return null;
  // macOS keeps the fuse wire in the framework, elsewhere it is in the executable.
  const binary =
    process.platform === 'darwin'
      ? join(dirname(process.execPath), '..', 'Frameworks', 'Electron Framework.framework', 'Electron Framework')
      : process.execPath;
  return {
    readFuseBinary: () => readFile(binary),
    readAppUpdateYml: () => readFile(join(process.resourcesPath, 'app-update.yml'), 'utf8').catch(() => null),
  };
}

async function safeStoragePort(): Promise<SafeStorageLike | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  return {
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (data) => (await safeStorage.decryptStringAsync(Buffer.from(data))).result,
    backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
  };
}

function portsOver(started: Promise<SelfTestParts>, parts: () => SelfTestParts): SelfTestPorts {
  return {
    started: started.then(() => undefined),
    tray: { exists: () => !parts().tray.tray.isDestroyed(), summary: () => parts().core.tray.getState() },
    popup: {
      open: () => parts().popup.show(),
      isVisible: () => parts().popup.isVisible(),
      countRows: async () => {
        const contents = parts().popup.webContents();
        const window = BrowserWindow.getAllWindows().find((each) => each.webContents === contents);
        // Before its page has loaded, there is nothing to count yet.
        return window ? Number(await window.webContents.executeJavaScript(COUNT_ROWS).catch(() => 0)) : 0;
      },
    },
    power: {
      reboot: (ref) => parts().core.powerAction(ref, 'reboot'),
      onActionFinished: (listener) =>
        parts().core.onEvent((channel, payload) => {
          if (channel === EventChannel.actionFinished) listener(payload as Parameters<typeof listener>[0]);
        }),
    },
    safeStorage: safeStoragePort,
    packaged: packagedFiles(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** With `--self-test` in argv: moves the profile (call before `ready`) and starts the clock; else null. */
export function prepareSelfTest(deps: { argv: readonly string[]; log: Log }): SelfTestRun | null {
  if (!deps.argv.includes(SELF_TEST_FLAG)) return null;
  const startedAt = Date.now();
  const profile = mkdtempSync(join(tmpdir(), 'vps-org-tray-self-test-'));
  app.setPath('userData', profile);
  app.setAppLogsPath(join(profile, 'logs'));
  // The demo, no update check or download, no global shortcut taken from a running tray.
  writeFileSync(
    join(profile, 'settings.json'),
    JSON.stringify({ demoMode: true, autoUpdate: false, launchAtLogin: false, globalShortcut: '' }),
  );

  let parts: SelfTestParts | null = null;
  let settle!: { resolve(parts: SelfTestParts): void; reject(error: unknown): void };
  const started = new Promise<SelfTestParts>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let exitCode: 0 | 1 | null = null;
  const finish = async (verdict: Verdict): Promise<void> => {
    if (exitCode !== null) return;
    exitCode = exitCodeOf(verdict);
    process.stdout.write(`${verdictLine(verdict)}\n`);
    deps.log(verdict.ok ? 'info' : 'error', `self-test: ${verdictLine(verdict)}`);
    const stopping = parts?.core.stop().catch(() => {});
    await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
    rmSync(profile, { recursive: true, force: true, maxRetries: 2 });
    app.exit(exitCode);
  };
  // Whatever happens, gone by the deadline (with the verdict's code when it was printed).
  setTimeout(() => {
    if (exitCode === null)
      process.stdout.write(`${verdictLine(abortedVerdict('exit', 'no verdict at the deadline'))}\n`);
    app.exit(exitCode ?? 1);
  }, SELF_TEST_DEADLINE_MS - 500).unref();
  // Something quit the app before the verdict (a failed start-up quits).
  app.on('will-quit', () => void finish(abortedVerdict('quit', 'the app quit before the self-test ended')));

  const checks = selfTestChecks(
    portsOver(started, () => {
      if (!parts) throw new Error('the app has not started');
      return parts;
    }),
  );
  void runChecks(checks, { deadlineAt: startedAt + SELF_TEST_DEADLINE_MS - SELF_TEST_EXIT_RESERVE_MS }).then(finish);
  return {
    started(next) {
      parts = next;
      settle.resolve(next);
    },
    failed: (error) => settle.reject(error instanceof Error ? error : new Error(String(error))),
  };
}

// The no-tray-host notice in the app (tray-host-setup.ts): Electron's app and the `gdbus` process are
// faked; what is proved is the wiring: nothing is asked while the caller (start-up, right after the
// tray was made) runs, the check comes a little later, and its notice is remembered in the profile.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesFor } from '../../main/i18n';

type ExecFileCallback = (error: Error | null, stdout: string) => void;

const h = vi.hoisted(() => ({
  userData: '',
  /** gdbus's answers: `(false,)` is "no watcher". */
  execFile: vi.fn<(file: string, args: string[], options: unknown, done: ExecFileCallback) => void>(),
}));

vi.mock('electron', () => ({ app: { getPath: () => h.userData } }));
vi.mock('node:child_process', () => ({ execFile: h.execFile }));

const { setupTrayHostNotice } = await import('../../main/desktop/tray-host-setup');

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
const profiles: string[] = [];

beforeEach(() => {
  Object.defineProperty(process, 'platform', { ...realPlatform, value: 'linux' });
  h.userData = mkdtempSync(join(tmpdir(), 'tray-host-'));
  profiles.push(h.userData);
  h.execFile.mockReset();
  // No StatusNotifierWatcher on the bus (stock GNOME).
  h.execFile.mockImplementation((_file, _args, _options, done) => done(null, '(false,)\n'));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(process, 'platform', realPlatform);
});
afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

function start() {
  const notify = vi.fn<(title: string, body: string) => void>();
  const cancel = setupTrayHostNotice({ notifier: { notify }, messages: () => messagesFor('en'), log: () => {} });
  return { notify, cancel };
}

describe('setupTrayHostNotice', () => {
  it('asks nothing while start-up runs; later, with no host, ONE notice in the user’s language, remembered', async () => {
    const { notify } = start();
    expect(h.execFile).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(h.execFile).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]![0]).toBe('VPS.org Tray is running without a tray icon');
    expect(notify.mock.calls[0]![1]).toMatch(/AppIndicator/);
    expect(existsSync(join(h.userData, 'tray-host-notice-shown'))).toBe(true);

    // The next start of the same profile says nothing and asks nothing.
    h.execFile.mockClear();
    const next = start();
    await vi.runAllTimersAsync();
    expect(h.execFile).not.toHaveBeenCalled();
    expect(next.notify).not.toHaveBeenCalled();
  });

  it('cancelled (the app quit first): never asks', async () => {
    const { notify, cancel } = start();
    cancel();
    await vi.runAllTimersAsync();
    expect(h.execFile).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });
});

// The unsigned-build notice in the app (mac-signature-setup.ts): Electron's app and the `codesign`
// process are faked; what is proved is the wiring: nothing is asked while start-up runs (the caller made
// the tray just before), codesign is asked once a little later, through execFile with a timeout, and an
// unsigned answer becomes the popup's notice for this version; codesign's exit status 1 (its answer for
// "not signed at all") is an answer, a missing codesign or a timeout is not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppNotice } from '../../common/contract';
import type { Log } from '../../main/app-log';

type ExecFileCallback = (
  error: (Error & { code?: unknown; killed?: boolean }) | null,
  stdout: string,
  stderr: string,
) => void;

const h = vi.hoisted(() => ({
  isPackaged: true,
  execFile: vi.fn<(file: string, args: string[], options: { timeout?: number }, done: ExecFileCallback) => void>(),
}));

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return h.isPackaged;
    },
    getVersion: () => '1.4.0',
  },
}));
vi.mock('node:child_process', () => ({ execFile: h.execFile }));

const { setupMacSignatureNotice } = await import('../../main/desktop/mac-signature-setup');

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
const realExecPath = process.execPath;
const EXEC_PATH = '/Applications/VPS.org Tray.app/Contents/MacOS/VPS.org Tray';

beforeEach(() => {
  Object.defineProperty(process, 'platform', { ...realPlatform, value: 'darwin' });
  process.execPath = EXEC_PATH;
  h.isPackaged = true;
  h.execFile.mockReset();
  // electron-builder's arm64 build without an identity: ad-hoc signed (codesign exits 0).
  h.execFile.mockImplementation((_file, _args, _options, done) => done(null, '', 'Signature=adhoc\n'));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(process, 'platform', realPlatform);
  process.execPath = realExecPath;
});

function start() {
  const addNotice = vi.fn<(notice: AppNotice) => void>();
  const log = vi.fn<Log>();
  const cancel = setupMacSignatureNotice({ addNotice, log });
  return { addNotice, log, cancel };
}

describe('setupMacSignatureNotice', () => {
  it('asks nothing while start-up runs; later, ad-hoc signed: ONE notice for this version', async () => {
    const { addNotice } = start();
    expect(h.execFile).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(h.execFile).toHaveBeenCalledTimes(1);
    const [file, args, options] = h.execFile.mock.calls[0]!;
    expect([file, args, options.timeout]).toEqual([
      '/usr/bin/codesign',
      ['-dv', '--verbose=2', '/Applications/VPS.org Tray.app'],
      5_000,
    ]);
    expect(addNotice.mock.calls).toEqual([[{ code: 'notifications-unsigned', version: '1.4.0' }]]);
  });

  it('"not signed at all" (codesign exits 1) is unsigned too', async () => {
    h.execFile.mockImplementation((_file, _args, _options, done) =>
      done(
        Object.assign(new Error('Command failed'), { code: 1 }),
        '',
        '/Applications/VPS.org Tray.app: code object is not signed at all\n',
      ),
    );
    const { addNotice } = start();
    await vi.runAllTimersAsync();
    expect(addNotice).toHaveBeenCalledTimes(1);
  });

  it('says nothing when signed, when codesign is missing or times out, or in a development run', async () => {
    const answers: Parameters<ExecFileCallback>[] = [
      [null, '', 'Authority=Developer ID Application: VPS.org s.r.o. (AB12CD34EF)\n'],
      [Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }), '', ''],
      [Object.assign(new Error('Command failed'), { killed: true, code: null }), '', 'Signature=adhoc\n'],
    ];
    for (const answer of answers) {
      h.execFile.mockImplementation((_file, _args, _options, done) => done(...answer));
      const { addNotice } = start();
      await vi.runAllTimersAsync();
      expect(addNotice).not.toHaveBeenCalled();
    }
    h.execFile.mockClear();
    h.isPackaged = false;
    const development = start();
    await vi.runAllTimersAsync();
    expect(h.execFile).not.toHaveBeenCalled();
    expect(development.addNotice).not.toHaveBeenCalled();
  });

  it('cancelled (the app quit first): never asks', async () => {
    const { addNotice, cancel } = start();
    cancel();
    await vi.runAllTimersAsync();
    expect(h.execFile).not.toHaveBeenCalled();
    expect(addNotice).not.toHaveBeenCalled();
  });
});

// Whether macOS will deliver the app's notifications: `codesign -dv --verbose=2` on the app bundle, read
// from its stderr (the outputs below are codesign's, for a Developer ID build, electron-builder's ad-hoc
// arm64 build, and a build with no signature at all). Anything not understood says nothing.
import { describe, expect, it, vi } from 'vitest';
import { appBundleOf, checkMacSignature, classifyCodesign, type StderrRunner } from '../../main/desktop/mac-signature';

const EXEC_PATH = '/Applications/VPS.org Tray.app/Contents/MacOS/VPS.org Tray';
const BUNDLE = '/Applications/VPS.org Tray.app';

const DEVELOPER_ID = `Executable=/Applications/VPS.org Tray.app/Contents/MacOS/VPS.org Tray
Identifier=org.vps.tray
Format=app bundle with Mach-O universal (x86_64 arm64)
CodeDirectory v=20500 size=1219 flags=0x10000(runtime) hashes=27+7 location=embedded
Signature size=9044
Authority=Developer ID Application: VPS.org s.r.o. (AB12CD34EF)
Authority=Developer ID Certification Authority
Authority=Apple Root CA
Timestamp=8. 12. 2026 at 0:58:12
Info.plist entries=30
TeamIdentifier=AB12CD34EF
Runtime Version=14.0.0
Sealed Resources version=2 rules=13 files=21
Internal requirements count=1 size=212
`;

const ADHOC = `Executable=/Applications/VPS.org Tray.app/Contents/MacOS/VPS.org Tray
Identifier=org.vps.tray
Format=app bundle with Mach-O thin (arm64)
CodeDirectory v=20400 size=1045 flags=0x2(adhoc) hashes=22+7 location=embedded
Signature=adhoc
Info.plist entries=30
TeamIdentifier=not set
Sealed Resources version=2 rules=13 files=21
Internal requirements count=0 size=12
`;

const NOT_SIGNED = '/Applications/VPS.org Tray.app: code object is not signed at all\n';

function answering(stderr: string) {
  return vi.fn<StderrRunner>(async () => stderr);
}

describe('classifyCodesign', () => {
  it('reads a Developer ID signature as signed, ad-hoc and none as unsigned', () => {
    expect(classifyCodesign(DEVELOPER_ID)).toBe('signed');
    expect(classifyCodesign(ADHOC)).toBe('unsigned');
    expect(classifyCodesign(NOT_SIGNED)).toBe('unsigned');
  });

  it('says unknown to output it does not understand', () => {
    expect(classifyCodesign('')).toBe('unknown');
    expect(classifyCodesign('codesign: command not found\n')).toBe('unknown');
    expect(classifyCodesign(`${BUNDLE}: No such file or directory\n`)).toBe('unknown');
    // A word inside another line is not the line.
    expect(classifyCodesign('Identifier=Signature=adhoc-ish\nNoAuthority=x\n')).toBe('unknown');
  });
});

describe('appBundleOf', () => {
  it('finds the .app folder the executable is in', () => {
    expect(appBundleOf(EXEC_PATH)).toBe(BUNDLE);
    expect(appBundleOf('/usr/lib/vps-org-tray/vps-org-tray')).toBeNull();
  });
});

describe('checkMacSignature', () => {
  const packagedMac = { platform: 'darwin', isPackaged: true, execPath: EXEC_PATH };

  it('asks codesign about the bundle, without a shell, with a timeout', async () => {
    const run = answering(ADHOC);
    await expect(checkMacSignature({ ...packagedMac, run })).resolves.toBe('unsigned');
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]).toEqual(['/usr/bin/codesign', ['-dv', '--verbose=2', BUNDLE], 5_000]);
  });

  it('answers signed, unsigned (none at all) and unknown (garbage) from what codesign says', async () => {
    await expect(checkMacSignature({ ...packagedMac, run: answering(DEVELOPER_ID) })).resolves.toBe('signed');
    await expect(checkMacSignature({ ...packagedMac, run: answering(NOT_SIGNED) })).resolves.toBe('unsigned');
    await expect(checkMacSignature({ ...packagedMac, run: answering('\u0000garbage') })).resolves.toBe('unknown');
  });

  it('a command that is missing or timed out is unknown, never a rejection', async () => {
    const missing = vi.fn<StderrRunner>(async () => {
      throw Object.assign(new Error('spawn /usr/bin/codesign ENOENT'), { code: 'ENOENT' });
    });
    await expect(checkMacSignature({ ...packagedMac, run: missing })).resolves.toBe('unknown');
    const timedOut = vi.fn<StderrRunner>(async () => {
      throw Object.assign(new Error('Command failed'), { killed: true, signal: 'SIGTERM' });
    });
    await expect(checkMacSignature({ ...packagedMac, run: timedOut })).resolves.toBe('unknown');
  });

  it('never asks on another OS, in a development run, or outside an app bundle', async () => {
    const run = answering(ADHOC);
    await expect(checkMacSignature({ ...packagedMac, platform: 'linux', run })).resolves.toBe('not-asked');
    await expect(checkMacSignature({ ...packagedMac, platform: 'win32', run })).resolves.toBe('not-asked');
    await expect(checkMacSignature({ ...packagedMac, isPackaged: false, run })).resolves.toBe('not-asked');
    await expect(checkMacSignature({ ...packagedMac, execPath: '/opt/electron/electron', run })).resolves.toBe(
      'unknown',
    );
    expect(run).not.toHaveBeenCalled();
  });
});

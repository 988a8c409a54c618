// macOS: is the running app signed? UNUserNotificationCenter delivers notifications only to a signed
// app (Electron's Notification docs); an unsigned build, or one only ad-hoc signed (electron-builder
// ad-hoc signs arm64 builds when no identity is configured), shows none and nothing says so. The
// answer comes from `codesign -dv` on the app's bundle, which writes its findings to stderr: an
// `Authority=` line is a real signature; `Signature=adhoc` or "not signed at all" is none; anything
// else (no codesign, a timeout, output not understood) is unknown and nothing is said: a wrong notice
// would be worse than none. Electron-free: the command is injected (mac-signature-setup.ts runs it with
// execFile), and it is asked after the tray exists, never before.

/** What codesign says about the app bundle. */
export type SignatureAnswer = 'signed' | 'unsigned' | 'unknown';

/**
 * Runs a command and gives its standard error whatever its exit status (codesign exits 1 for an
 * unsigned bundle); rejects when it could not run or did not finish in time.
 */
export type StderrRunner = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

const CODESIGN = '/usr/bin/codesign';
const RUN_TIMEOUT_MS = 5_000;
const BUNDLE_INSIDE = '.app/Contents/MacOS/';

/** The `.app` bundle the executable is in (`…/X.app/Contents/MacOS/X` → `…/X.app`), or null. */
export function appBundleOf(execPath: string): string | null {
  const at = execPath.lastIndexOf(BUNDLE_INSIDE);
  return at > 0 ? execPath.slice(0, at + '.app'.length) : null;
}

/** Reads `codesign -dv --verbose=2`'s standard error. */
export function classifyCodesign(stderr: string): SignatureAnswer {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => line.startsWith('Authority='))) return 'signed';
  if (lines.includes('Signature=adhoc')) return 'unsigned';
  if (lines.some((line) => line.endsWith('code object is not signed at all'))) return 'unsigned';
  return 'unknown';
}

export interface MacSignatureDeps {
  platform: string;
  /** Only a packaged app is asked: a development run is Electron's own (ad-hoc signed) binary. */
  isPackaged: boolean;
  execPath: string;
  run: StderrRunner;
}

/** Asks codesign on macOS for a packaged app; 'not-asked' elsewhere. Never rejects. */
export async function checkMacSignature(deps: MacSignatureDeps): Promise<SignatureAnswer | 'not-asked'> {
  if (deps.platform !== 'darwin' || !deps.isPackaged) return 'not-asked';
  const bundle = appBundleOf(deps.execPath);
  if (!bundle) return 'unknown';
  try {
    return classifyCodesign(await deps.run(CODESIGN, ['-dv', '--verbose=2', bundle], RUN_TIMEOUT_MS));
  } catch {
    return 'unknown';
  }
}

// `--self-test`, without Electron (self-test-setup.ts is its edge): the checks, each a function over the
// ports below, which the setup fills from the real app, the boot journey from the app booted against the
// Electron stand-in and unit tests from fakes; the fuses read back from the packaged binary; and the
// verdict. Each check waits for what a user would see, with no timeout of its own: one deadline bounds
// them all. The verdict is ONE line of JSON, `{"ok":true,"checks":[{"name":…,"ok":…,"ms":…,"detail"?:…}]}`,
// and an exit code (0 only when every check passed). A check that throws fails with the error's
// message; one still pending at the deadline fails as pending (named, so the line says where it hung)
// and the checks after it are listed as not run.
import type { ActionOutcome } from '../../common/contract/fleet';
import type { ServerRef } from '../../common/servers';
import type { TraySummary } from '../tray/summary';
import { linuxKeySource } from './linux-keyring';

// ---- the verdict

/** One check: resolves with an optional detail when it passed, throws (an Error with the why) when not. */
export interface SelfTestCheck {
  name: string;
  run(): Promise<string | undefined>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}

export interface Verdict {
  ok: boolean;
  checks: CheckResult[];
}

export interface VerdictClock {
  now(): number;
  /** A timer that fires once; returns its cancel. */
  after(ms: number, fire: () => void): () => void;
}

/** The whole self-test, from start to exit. */
export const SELF_TEST_DEADLINE_MS = 60_000;
/** Kept for stopping the core and exiting after the checks. */
export const SELF_TEST_EXIT_RESERVE_MS = 5_000;

export const systemClock: VerdictClock = {
  now: () => Date.now(),
  after(ms, fire) {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
};

const PENDING = Symbol('pending');

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the checks in order until `deadlineAt` (on the clock's time). Never throws: every failure is a
 * failed check in the verdict.
 */
export async function runChecks(
  checks: readonly SelfTestCheck[],
  options: { deadlineAt: number; clock?: VerdictClock },
): Promise<Verdict> {
  const clock = options.clock ?? systemClock;
  const results: CheckResult[] = [];
  let timedOut = false;
  for (const check of checks) {
    if (timedOut) {
      results.push({ name: check.name, ok: false, ms: 0, detail: 'not run: the deadline had passed' });
      continue;
    }
    const started = clock.now();
    const cancels: Array<() => void> = [];
    const deadline = new Promise<typeof PENDING>((resolve) => {
      cancels.push(clock.after(Math.max(0, options.deadlineAt - started), () => resolve(PENDING)));
    });
    let result: CheckResult;
    try {
      const detail = await Promise.race([check.run(), deadline]);
      if (detail === PENDING) {
        timedOut = true;
        const seconds = Math.round(SELF_TEST_DEADLINE_MS / 1000);
        result = {
          name: check.name,
          ok: false,
          ms: clock.now() - started,
          detail: `pending at the ${seconds} s deadline`,
        };
      } else {
        result = { name: check.name, ok: true, ms: clock.now() - started, ...(detail ? { detail } : {}) };
      }
    } catch (error) {
      result = { name: check.name, ok: false, ms: clock.now() - started, detail: messageOf(error) };
    } finally {
      for (const cancel of cancels) cancel();
    }
    results.push(result);
  }
  return { ok: results.length > 0 && results.every((result) => result.ok), checks: results };
}

/** The one line printed: JSON, no newline inside (JSON.stringify escapes them). */
export function verdictLine(verdict: Verdict): string {
  return JSON.stringify(verdict);
}

export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict.ok ? 0 : 1;
}

/** When the app ends before the checks did (start-up failed, something quit it): a failed verdict. */
export function abortedVerdict(pending: string, reason: string, done: readonly CheckResult[] = []): Verdict {
  return { ok: false, checks: [...done, { name: pending, ok: false, ms: 0, detail: reason }] };
}

// ---- the fuses
// The Electron fuses of the packaged binary, read back as @electron/fuses reads them (scripts/package-dir.mjs
// checks the stand-in's at packaging time; this reads the real binary the user runs): after Electron's
// sentinel, a version byte (1), a length byte, then one ASCII state per fuse in FuseV1Options order:
// '0' off, '1' on, 'r' removed.

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * What electron-builder.yml's `electronFuses` asks for, by FuseV1Options index (tests/self-test
 * checks the two agree). 6 (LoadBrowserProcessSpecificV8Snapshot) is left as Electron ships it.
 */
export const EXPECTED_FUSES: Readonly<Record<number, { name: string; on: boolean }>> = {
  0: { name: 'runAsNode', on: false },
  1: { name: 'enableCookieEncryption', on: true },
  2: { name: 'enableNodeOptionsEnvironmentVariable', on: false },
  3: { name: 'enableNodeCliInspectArguments', on: false },
  4: { name: 'enableEmbeddedAsarIntegrityValidation', on: true },
  5: { name: 'onlyLoadAppFromAsar', on: true },
  7: { name: 'grantFileProtocolExtraPrivileges', on: false },
};

/** The fuse states in the binary ('0', '1' or 'r' each), or null when it carries no fuse wire. */
export function readFuseWire(binary: Uint8Array): string | null {
  const at = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength).indexOf(SENTINEL, 0, 'latin1');
  if (at < 0) return null;
  const start = at + SENTINEL.length;
  const version = binary[start];
  const length = binary[start + 1];
  if (version !== 1 || length === undefined || start + 2 + length > binary.length) return null;
  return Buffer.from(binary.subarray(start + 2, start + 2 + length)).toString('latin1');
}

/** Each fuse that is not as electron-builder.yml asks, worded; empty when all are. */
export function fuseProblems(wire: string): string[] {
  return Object.entries(EXPECTED_FUSES).flatMap(([index, fuse]) => {
    const state = wire[Number(index)];
    const wanted = fuse.on ? '1' : '0';
    return state === wanted ? [] : [`${fuse.name} is ${state ?? 'missing'}, not ${wanted}`];
  });
}

// ---- the checks

export interface SelfTestPorts {
  /** Resolves once the app has started (core, tray, popup); rejects with why it did not. */
  started: Promise<void>;
  tray: { exists(): boolean; summary(): TraySummary };
  popup: { open(): void; isVisible(): boolean; countRows(): Promise<number> };
  power: {
    reboot(ref: ServerRef): Promise<{ ok: true } | { ok: false; error: { message: string } }>;
    onActionFinished(listener: (outcome: ActionOutcome) => void): () => void;
  };
  /** Electron's safeStorage, or null where it cannot encrypt. */
  safeStorage(): Promise<SafeStorageLike | null>;
  /** The packaged app's files, or null in a development run. */
  packaged: { readFuseBinary(): Promise<Uint8Array>; readAppUpdateYml(): Promise<string | null> } | null;
  /** A pause between looks. */
  sleep(ms: number): Promise<void>;
}

export interface SafeStorageLike {
  encrypt(text: string): Promise<Uint8Array>;
  decrypt(data: Uint8Array): Promise<string>;
  /** Linux: the keyring in use ('basic_text' protects nothing); null elsewhere. */
  backend(): string | null;
}

const LOOK_EVERY_MS = 100;

async function until<T>(ports: Pick<SelfTestPorts, 'sleep'>, look: () => T | null | Promise<T | null>): Promise<T> {
  for (;;) {
    const seen = await look();
    if (seen !== null) return seen;
    await ports.sleep(LOOK_EVERY_MS);
  }
}

const sameRef = (a: ServerRef, b: ServerRef) => a.accountId === b.accountId && a.id === b.id;

async function reboot(ports: SelfTestPorts): Promise<string> {
  const server = await until(
    ports,
    () => ports.tray.summary().servers.find((each) => each.actions.includes('reboot') && !each.pending) ?? null,
  );
  const ends: Array<() => void> = [];
  const finished = new Promise<ActionOutcome>((resolve) => {
    ends.push(
      ports.power.onActionFinished((outcome) => {
        if (sameRef(outcome.ref, server.ref) && outcome.action === 'reboot') resolve(outcome);
      }),
    );
  });
  try {
    const sent = await ports.power.reboot(server.ref);
    if (!sent.ok) throw new Error(`${server.name}: refused: ${sent.error.message}`);
    const outcome = await finished;
    if (outcome.outcome !== 'done') throw new Error(`${server.name}: ${outcome.outcome}: ${outcome.message}`);
    return `${server.name}: ${outcome.message}`;
  } finally {
    for (const end of ends) end();
  }
}

async function safeStorageRoundTrip(ports: SelfTestPorts): Promise<string> {
  const storage = await ports.safeStorage();
  if (!storage) return 'skipped: safeStorage cannot encrypt on this desktop';
  const token = `self-test-${Math.random().toString(36).slice(2)}`;
  const sealed = await storage.encrypt(token);
  if (Buffer.from(sealed).toString('latin1').includes(token))
    throw new Error('the token is readable in what was stored');
  const back = await storage.decrypt(sealed);
  if (back !== token) throw new Error('the token read back differs from the one stored');
  const backend = storage.backend();
  // Linux: the label, and where the key really came from (a `fixed-key` means no keyring protects it).
  return backend === null
    ? 'stored and read back'
    : `stored and read back (${backend}, key: ${linuxKeySource(sealed)})`;
}

async function fuses(ports: SelfTestPorts): Promise<string> {
  if (!ports.packaged) return 'skipped: not packaged';
  const wire = readFuseWire(await ports.packaged.readFuseBinary());
  if (wire === null) throw new Error('no fuse wire in the Electron binary');
  const problems = fuseProblems(wire);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return `wire ${wire}`;
}

async function appUpdateYml(ports: SelfTestPorts): Promise<string> {
  if (!ports.packaged) return 'skipped: not packaged';
  const text = await ports.packaged.readAppUpdateYml();
  if (text === null) throw new Error('resources/app-update.yml is missing: the app cannot find its updates');
  const field = (name: string) => new RegExp(`^${name}: *(\\S+)`, 'm').exec(text)?.[1] ?? null;
  if (field('provider') !== 'github' || !field('owner') || !field('repo'))
    throw new Error('resources/app-update.yml names no GitHub owner and repo');
  return `github ${field('owner')}/${field('repo')}`;
}

/** The checks, in the order a first launch meets them. */
export function selfTestChecks(ports: SelfTestPorts): SelfTestCheck[] {
  return [
    { name: 'start', run: async () => void (await ports.started) },
    {
      name: 'tray',
      run: async () => {
        if (!ports.tray.exists()) throw new Error('no tray icon was created');
        const count = await until(ports, () => ports.tray.summary().serverCount || null);
        return `${count} servers, icon ${ports.tray.summary().icon}`;
      },
    },
    {
      name: 'popup',
      run: async () => {
        ports.popup.open();
        await until(ports, () => ports.popup.isVisible() || null);
        return undefined;
      },
    },
    {
      name: 'first-rows',
      run: async () => `${await until(ports, async () => (await ports.popup.countRows()) || null)} rows`,
    },
    { name: 'reboot', run: () => reboot(ports) },
    { name: 'safe-storage', run: () => safeStorageRoundTrip(ports) },
    { name: 'fuses', run: () => fuses(ports) },
    { name: 'app-update.yml', run: () => appUpdateYml(ports) },
  ];
}

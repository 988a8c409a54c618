import { describe, expect, it, vi } from 'vitest';
import {
  abortedVerdict,
  exitCodeOf,
  runChecks,
  SELF_TEST_DEADLINE_MS,
  systemClock,
  verdictLine,
  type SelfTestCheck,
} from '../../main/desktop/self-test';

const passes = (name: string, detail?: string): SelfTestCheck => ({ name, run: () => Promise.resolve(detail) });
const fails = (name: string, why: string): SelfTestCheck => ({ name, run: () => Promise.reject(new Error(why)) });
const hangs = (name: string): SelfTestCheck => ({ name, run: () => new Promise<undefined>(() => {}) });

describe('the self-test verdict', () => {
  it('every check passed: ok, exit 0, one line of JSON naming each check with its time', async () => {
    const verdict = await runChecks([passes('start'), passes('tray', '25 servers')], {
      deadlineAt: Date.now() + 10_000,
    });
    expect(verdict).toEqual({
      ok: true,
      checks: [
        { name: 'start', ok: true, ms: expect.any(Number) as unknown },
        { name: 'tray', ok: true, ms: expect.any(Number) as unknown, detail: '25 servers' },
      ],
    });
    expect(exitCodeOf(verdict)).toBe(0);
    const line = verdictLine(verdict);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(verdict);
  });

  it('a failing check: not ok, exit 1, the check named with its error; the checks after it still run', async () => {
    const verdict = await runChecks([passes('start'), fails('reboot', 'api-01: failed: refused'), passes('fuses')], {
      deadlineAt: Date.now() + 10_000,
    });
    expect(verdict.ok).toBe(false);
    expect(exitCodeOf(verdict)).toBe(1);
    expect(verdict.checks.map(({ name, ok }) => [name, ok])).toEqual([
      ['start', true],
      ['reboot', false],
      ['fuses', true],
    ]);
    expect(verdict.checks[1]?.detail).toBe('api-01: failed: refused');
  });

  it('a thrown non-Error still fails its check, worded', async () => {
    const verdict = await runChecks([{ name: 'odd', run: () => Promise.reject('plain string') }], {
      deadlineAt: Date.now() + 1000,
    });
    expect(verdict.checks[0]).toMatchObject({ ok: false, detail: 'plain string' });
  });

  it('the deadline: the pending check is named and failed, the rest are not run, exit 1', async () => {
    vi.useFakeTimers();
    try {
      const start = Date.now();
      const running = runChecks([passes('start'), hangs('first-rows'), passes('reboot')], {
        deadlineAt: start + SELF_TEST_DEADLINE_MS,
        clock: systemClock,
      });
      await vi.advanceTimersByTimeAsync(SELF_TEST_DEADLINE_MS);
      const verdict = await running;
      expect(exitCodeOf(verdict)).toBe(1);
      expect(verdict.checks).toEqual([
        { name: 'start', ok: true, ms: 0 },
        { name: 'first-rows', ok: false, ms: SELF_TEST_DEADLINE_MS, detail: 'pending at the 60 s deadline' },
        { name: 'reboot', ok: false, ms: 0, detail: 'not run: the deadline had passed' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('no check at all is not a pass', async () => {
    expect((await runChecks([], { deadlineAt: Date.now() + 1000 })).ok).toBe(false);
  });

  it('an app that ended before its checks did: a failed verdict naming where', () => {
    const verdict = abortedVerdict('quit', 'the app quit before the self-test ended');
    expect(exitCodeOf(verdict)).toBe(1);
    expect(verdict.checks).toEqual([
      { name: 'quit', ok: false, ms: 0, detail: 'the app quit before the self-test ended' },
    ]);
  });
});

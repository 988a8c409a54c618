// The update service's decisions: when it checks (start, every few hours, later after a failure), what it
// tells (a ready version once; a manual check its answer; a failure only in the log), and that it
// restarts only when asked and never while a power action is tracked.
import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  CHECK_JITTER_MS,
  createUpdateService,
  FIRST_CHECK_DELAY_MS,
  RETRY_BASE_MS,
  unavailableUpdater,
  type UpdateMessage,
  type UpdaterPort,
} from '../../main/updates/service';

/** A manual clock: timers run only when the test advances it. */
function manualTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    pending: () => [...timers.values()].map((timer) => timer.at - now),
    async advance(ms: number) {
      now += ms;
      for (const [id, timer] of timers) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    },
  };
}

function setup(options: { feed?: () => Promise<string | null>; autoCheck?: boolean; actionPending?: boolean } = {}) {
  const timers = manualTimers();
  const calls: string[] = [];
  const told: Array<{ message: UpdateMessage; manual: boolean }> = [];
  const lines: string[] = [];
  let feed = options.feed ?? (async () => null);
  const flags = { autoCheck: options.autoCheck ?? true, actionPending: options.actionPending ?? false };
  const updater: UpdaterPort = {
    unavailable: null,
    check: () => {
      calls.push('check');
      return feed();
    },
    download: async () => void calls.push('download'),
    install: () => void calls.push('install'),
  };
  const service = createUpdateService({
    updater,
    autoCheck: () => flags.autoCheck,
    hasPendingAction: () => flags.actionPending,
    tell: (message, manual) => void told.push({ message, manual }),
    log: (level, message) => void lines.push(`${level} ${message}`),
    random: () => 0,
    now: timers.now,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return {
    service,
    timers,
    calls,
    told,
    lines,
    flags,
    setFeed: (next: () => Promise<string | null>) => (feed = next),
  };
}

describe('update service', () => {
  it('checks shortly after start, then every few hours', async () => {
    const s = setup();
    s.service.start();
    expect(s.timers.pending()).toEqual([FIRST_CHECK_DELAY_MS]);
    await s.timers.advance(FIRST_CHECK_DELAY_MS);
    expect(s.calls).toEqual(['check']);
    expect(s.service.state()).toMatchObject({ phase: 'up-to-date', checkedAt: FIRST_CHECK_DELAY_MS });
    expect(s.timers.pending()).toEqual([CHECK_INTERVAL_MS]);
    await s.timers.advance(CHECK_INTERVAL_MS);
    expect(s.calls).toEqual(['check', 'check']);
    // Nothing newer: nobody is bothered.
    expect(s.told).toEqual([]);
  });

  it('spreads the regular checks over 4 to 6 hours', async () => {
    const s = setup();
    expect(CHECK_INTERVAL_MS).toBe(4 * 3600_000);
    expect(CHECK_INTERVAL_MS + CHECK_JITTER_MS).toBe(6 * 3600_000);
    s.service.start();
    await s.timers.advance(FIRST_CHECK_DELAY_MS);
    expect(s.timers.pending()[0]).toBeGreaterThanOrEqual(CHECK_INTERVAL_MS);
  });

  it('downloads a newer version and says once that it is ready, with no restart of its own', async () => {
    const s = setup({ feed: async () => '1.3.0' });
    s.service.start();
    await s.timers.advance(FIRST_CHECK_DELAY_MS);
    expect(s.calls).toEqual(['check', 'download']);
    expect(s.service.state()).toMatchObject({ phase: 'ready', version: '1.3.0' });
    expect(s.told).toEqual([{ message: { kind: 'ready', version: '1.3.0' }, manual: false }]);
    // Ready: no more checks, and no restart however long it runs.
    expect(s.timers.pending()).toEqual([]);
    await s.timers.advance(24 * CHECK_INTERVAL_MS);
    await s.service.check(false);
    expect(s.calls).toEqual(['check', 'download']);
    expect(s.told).toHaveLength(1);
  });

  it('a failed check is logged and retried later with growing waits, never told', async () => {
    const s = setup({ feed: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')) });
    s.service.start();
    await s.timers.advance(FIRST_CHECK_DELAY_MS);
    expect(s.service.state().phase).toBe('failed');
    expect(s.lines).toEqual(['warn update: check failed (retrying in 5 min): connect ECONNREFUSED 127.0.0.1:9']);
    expect(s.timers.pending()).toEqual([RETRY_BASE_MS]);
    await s.timers.advance(RETRY_BASE_MS);
    expect(s.timers.pending()).toEqual([3 * RETRY_BASE_MS]);
    await s.timers.advance(3 * RETRY_BASE_MS);
    expect(s.timers.pending()).toEqual([9 * RETRY_BASE_MS]);
    expect(s.told).toEqual([]);
    // The feed is back: the next retry succeeds and the regular rhythm resumes.
    s.setFeed(async () => null);
    await s.timers.advance(9 * RETRY_BASE_MS);
    expect(s.service.state().phase).toBe('up-to-date');
    expect(s.timers.pending()).toEqual([CHECK_INTERVAL_MS]);
  });

  it('never waits longer than the regular interval between retries', async () => {
    const s = setup({ feed: () => Promise.reject(new Error('500')) });
    s.service.start();
    await s.timers.advance(FIRST_CHECK_DELAY_MS);
    for (let i = 0; i < 8; i += 1) await s.timers.advance(s.timers.pending()[0]!);
    expect(s.timers.pending()).toEqual([CHECK_INTERVAL_MS]);
  });

  it('a manual check always gets its answer: up to date, ready, or cannot check now', async () => {
    const s = setup();
    await s.service.check(true);
    expect(s.told.at(-1)).toEqual({ message: { kind: 'up-to-date' }, manual: true });
    s.setFeed(() => Promise.reject(new Error('garbage')));
    await s.service.check(true);
    expect(s.told.at(-1)).toEqual({ message: { kind: 'check-failed' }, manual: true });
    s.setFeed(async () => '2.0.0');
    await s.service.check(true);
    expect(s.told.at(-1)).toEqual({ message: { kind: 'ready', version: '2.0.0' }, manual: true });
    // Asked again once ready: the same answer, without asking the feed.
    await s.service.check(true);
    expect(s.told).toHaveLength(4);
    expect(s.calls.filter((call) => call === 'check')).toHaveLength(3);
  });

  it('a manual check during an automatic one joins it and is answered once', async () => {
    const pending: { resolve?: (version: string | null) => void } = {};
    const s = setup({ feed: () => new Promise((resolve) => (pending.resolve = resolve)) });
    s.service.start();
    await s.timers.advance(FIRST_CHECK_DELAY_MS);
    const manual = s.service.check(true);
    pending.resolve!('1.3.0');
    await manual;
    expect(s.calls).toEqual(['check', 'download']);
    expect(s.told).toEqual([{ message: { kind: 'ready', version: '1.3.0' }, manual: true }]);
  });

  it('with automatic checks off, checks only when asked; turning them on schedules one', async () => {
    const s = setup({ autoCheck: false });
    s.service.start();
    expect(s.timers.pending()).toEqual([]);
    s.flags.autoCheck = true;
    s.service.settingChanged();
    expect(s.timers.pending()).toEqual([FIRST_CHECK_DELAY_MS]);
    s.flags.autoCheck = false;
    s.service.settingChanged();
    expect(s.timers.pending()).toEqual([]);
  });

  it('restarts only when asked, and not while a power action is tracked', async () => {
    const s = setup({ feed: async () => '1.3.0' });
    expect(s.service.restart()).toBe('not-ready');
    await s.service.check(false);
    s.flags.actionPending = true;
    expect(s.service.restart()).toBe('action-pending');
    expect(s.calls).not.toContain('install');
    expect(s.told.at(-1)).toEqual({ message: { kind: 'restart-waits' }, manual: true });
    s.flags.actionPending = false;
    expect(s.service.restart()).toBe('restarting');
    expect(s.calls.at(-1)).toBe('install');
  });

  it('where the app cannot update itself, it never checks and says why', async () => {
    const told: UpdateMessage[] = [];
    const service = createUpdateService({
      updater: unavailableUpdater('package-manager'),
      autoCheck: () => true,
      hasPendingAction: () => false,
      tell: (message) => void told.push(message),
      log: () => {},
      setTimer: () => {
        throw new Error('no timer expected');
      },
    });
    service.start();
    await expect(service.check(true)).resolves.toMatchObject({ unavailable: 'package-manager', phase: 'idle' });
    expect(service.restart()).toBe('not-ready');
    expect(told).toEqual([]);
  });

  it('stop cancels the next check', async () => {
    const s = setup();
    s.service.start();
    s.service.stop();
    expect(s.timers.pending()).toEqual([]);
  });
});

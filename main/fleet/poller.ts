// Adaptive, single-flight poller. It knows nothing of servers: `run` does one poll (and throws on
// failure), told whether it was asked for (start, refresh, resume) or came due; `intervalMs` says how long
// to wait now, or `dueAt` when the next poll is due (read at every scheduling, so setting changes and
// mode changes apply at once). Failures back off exponentially with full jitter; 429 waits Retry-After;
// 401 stops. Uses setTimeout and an injectable clock so fake timers drive it in tests.
import { isVpsApiError } from '../api/errors';

const MAX_BACKOFF_MS = 5 * 60_000;
export const MAX_RETRY_AFTER_MS = 5 * 60_000;
/**
 * How often the wall clock is compared with the timer clock to notice sleep / clock jumps. A jump of
 * more than twice the current poll interval refreshes at once.
 */
const CLOCK_CHECK_MS = 10_000;

type FailurePolicy = { type: 'stop' } | { type: 'backoff' } | { type: 'wait'; ms: number };

/** The default reading of a failed poll: 401 stops, 429 waits as asked, the rest back off. */
function classifyPollFailure(error: unknown): FailurePolicy {
  if (isVpsApiError(error)) {
    if (error.kind === 'unauthorized') return { type: 'stop' };
    if (error.kind === 'rate-limited' && error.retryAfterSeconds !== undefined) {
      return { type: 'wait', ms: Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, error.retryAfterSeconds * 1000)) };
    }
  }
  return { type: 'backoff' };
}

/** `asked`: start, refresh, resume or a clock jump; `scheduled`: the timer (the interval or `dueAt`). */
export type PollReason = 'asked' | 'scheduled';

export interface PollerDeps {
  run: (reason: PollReason) => Promise<void>;
  /** The wait between polls; also the base of the backoff after a failure. */
  intervalMs: () => number;
  /**
   * When the next poll is due, given when the last one ended; null: `intervalMs` after it. Never obeyed
   * over a failure's backoff or Retry-After.
   */
  dueAt?: (lastPollEndedAt: number) => number | null;
  now?: () => number;
  /** [0, 1); injectable so backoff is deterministic in tests. */
  random?: () => number;
  classify?: (error: unknown) => FailurePolicy;
  /** Called when a failure stopped the poller (e.g. 401). */
  onStopped?: (error: unknown) => void;
  clockCheckMs?: number;
}

export interface Poller {
  /** Polls now, then keeps polling. */
  start(): void;
  stop(): void;
  /** Polls now; joins the poll in flight instead of starting a second one. Never rejects. */
  refresh(): Promise<void>;
  /** Re-reads the interval (popup opened, action pending, settings changed) and re-arms the timer. */
  reschedule(): void;
  suspend(): void;
  /** After sleep / unlock: poll at once. */
  resume(): void;
  readonly running: boolean;
  readonly consecutiveFailures: number;
  /** ms since epoch when the next poll is due, null when none is scheduled. */
  readonly nextPollAt: number | null;
}

export function createPoller(deps: PollerDeps): Poller {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const classify = deps.classify ?? classifyPollFailure;
  const clockCheckMs = deps.clockCheckMs ?? CLOCK_CHECK_MS;

  let running = false;
  let suspended = false;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let clockTimer: ReturnType<typeof setTimeout> | null = null;
  let lastClockCheck = 0;
  let failures = 0;
  /** Delay forced by the last failure (backoff / Retry-After); null after a success. */
  let failureDelayMs: number | null = null;
  let lastPollEndedAt = 0;
  let nextPollAt: number | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    nextPollAt = null;
  };

  const schedule = () => {
    clearTimer();
    if (!running || suspended || inFlight) return;
    const dueAt =
      failureDelayMs !== null
        ? lastPollEndedAt + failureDelayMs
        : (deps.dueAt?.(lastPollEndedAt) ?? lastPollEndedAt + deps.intervalMs());
    const wait = Math.max(0, dueAt - now());
    nextPollAt = now() + wait;
    timer = setTimeout(() => {
      timer = null;
      nextPollAt = null;
      void poll('scheduled');
    }, wait);
  };

  const backoffMs = () => {
    // Full jitter over an exponentially growing window, never shorter than the normal interval.
    const base = deps.intervalMs();
    const window = Math.min(MAX_BACKOFF_MS, base * 2 ** (failures - 1));
    return Math.min(MAX_BACKOFF_MS, Math.max(base, Math.round(random() * window)));
  };

  const poll = (reason: PollReason): Promise<void> => {
    if (inFlight) return inFlight;
    clearTimer();
    const current = (async () => {
      try {
        await deps.run(reason);
        failures = 0;
        failureDelayMs = null;
      } catch (error) {
        const policy = classify(error);
        if (policy.type === 'stop') {
          stopInternal();
          deps.onStopped?.(error);
          return;
        }
        failures++;
        // Being asked to wait never makes the poller ask sooner than it normally would.
        failureDelayMs = policy.type === 'wait' ? Math.max(policy.ms, deps.intervalMs()) : backoffMs();
      } finally {
        lastPollEndedAt = now();
        inFlight = null;
      }
    })();
    inFlight = current;
    return current.then(() => schedule());
  };

  const armClockCheck = () => {
    if (clockTimer !== null) clearTimeout(clockTimer);
    clockTimer = null;
    if (!running || suspended) return;
    lastClockCheck = now();
    clockTimer = setTimeout(() => {
      clockTimer = null;
      // The wall clock moved more than the timer waited: the machine slept or the clock was set. Only a
      // jump that would have skipped polls (over twice the current wait between polls) refreshes.
      const jumpMs = now() - lastClockCheck - clockCheckMs;
      const jumped = Math.abs(jumpMs) > 2 * (failureDelayMs ?? deps.intervalMs());
      armClockCheck();
      if (jumped) void poll('asked');
    }, clockCheckMs);
  };

  const stopInternal = () => {
    running = false;
    clearTimer();
    if (clockTimer !== null) clearTimeout(clockTimer);
    clockTimer = null;
  };

  return {
    start() {
      if (running) return;
      running = true;
      suspended = false;
      failures = 0;
      failureDelayMs = null;
      armClockCheck();
      void poll('asked');
    },
    stop: stopInternal,
    refresh() {
      // A stopped poller (no session, or the token was rejected) sends nothing.
      return running ? poll('asked') : (inFlight ?? Promise.resolve());
    },
    reschedule() {
      if (timer !== null) schedule();
    },
    suspend() {
      if (!running) return;
      suspended = true;
      clearTimer();
      if (clockTimer !== null) clearTimeout(clockTimer);
      clockTimer = null;
    },
    resume() {
      if (!running) return;
      suspended = false;
      armClockCheck();
      void poll('asked');
    },
    get running() {
      return running;
    },
    get consecutiveFailures() {
      return failures;
    },
    get nextPollAt() {
      return nextPollAt;
    },
  };
}

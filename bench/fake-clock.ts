// A fake clock for scripts (vitest's fake timers work only inside vitest): replaces the global
// setTimeout / setInterval / Date.now until `uninstall`. `advance` fires due timers in order and lets
// promise chains and setImmediate (left real) run after each, so an in-memory poll completes.
type Callback = (...args: unknown[]) => void;

interface FakeTimer {
  id: number;
  at: number;
  every: number | null;
  callback: Callback;
  args: unknown[];
}

export interface FakeClock {
  now(): number;
  advance(ms: number): Promise<void>;
  /** Timers pending now. */
  pending(): number;
  uninstall(): void;
}

const flush = async () => {
  for (let round = 0; round < 10; round++) await new Promise<void>((resolve) => setImmediate(resolve));
};

export function installFakeClock(start: number): FakeClock {
  const real = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
    dateNow: Date.now,
  };
  let now = start;
  let nextId = 1;
  const timers = new Map<number, FakeTimer>();

  /** Looks like Node's Timeout enough for the code under test (unref, ref, hasRef). */
  const handle = (id: number) => ({
    id,
    unref: () => handle(id),
    ref: () => handle(id),
    hasRef: () => true,
    [Symbol.toPrimitive]: () => id,
  });
  const add = (callback: Callback, ms: number | undefined, args: unknown[], repeat: boolean) => {
    const id = nextId++;
    const delay = Math.max(repeat ? 1 : 0, ms ?? 0);
    timers.set(id, { id, at: now + delay, every: repeat ? delay : null, callback, args });
    return handle(id);
  };
  const clear = (value: unknown) => {
    if (value === null || value === undefined) return;
    timers.delete(typeof value === 'object' && 'id' in value ? Number(value.id) : Number(value));
  };

  const fakes = {
    setTimeout: (callback: Callback, ms?: number, ...args: unknown[]) => add(callback, ms, args, false),
    setInterval: (callback: Callback, ms?: number, ...args: unknown[]) => add(callback, ms, args, true),
    clearTimeout: clear,
    clearInterval: clear,
  };
  Object.assign(globalThis, fakes);
  Date.now = () => now;

  return {
    now: () => now,
    pending: () => timers.size,
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        let next: FakeTimer | null = null;
        for (const timer of timers.values())
          if (timer.at <= until && (next === null || timer.at < next.at)) next = timer;
        if (next === null) break;
        now = next.at;
        if (next.every === null) timers.delete(next.id);
        else next.at += next.every;
        next.callback(...next.args);
        await flush();
      }
      now = until;
      await flush();
    },
    uninstall() {
      Object.assign(globalThis, real);
      Date.now = real.dateNow;
    },
  };
}

// The history views' tests read times as a user in `timeZone` would, at a fixed `now`: registers the
// hooks of the test file that calls it (at its top level).
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

export function useClockAt(now: number, timeZone = 'UTC'): void {
  beforeAll(() => {
    // Node reads TZ again when it is set.
    vi.stubEnv('TZ', timeZone);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

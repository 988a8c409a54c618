import { describe, expect, it } from 'vitest';
import { nextMorning, pauseFor } from '../../main/alerts/pauses';

describe('pauses', () => {
  it('"until tomorrow" ends at the next local 08:00', () => {
    const evening = new Date(2026, 0, 5, 22, 30).getTime();
    expect(new Date(nextMorning(evening))).toEqual(new Date(2026, 0, 6, 8, 0));
    const early = new Date(2026, 0, 5, 6, 0).getTime();
    expect(new Date(nextMorning(early))).toEqual(new Date(2026, 0, 5, 8, 0));
    expect(pauseFor('tomorrow', evening)).toEqual({ until: new Date(2026, 0, 6, 8, 0).getTime() });
    expect(pauseFor('indefinite', evening)).toEqual({ until: null });
  });
});

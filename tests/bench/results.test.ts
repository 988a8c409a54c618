// The plumbing of `npm run bench` (no timing here: benchmarks are scripts, never tests).
import { describe, expect, it } from 'vitest';
import { mergeFigures, readFigureParts, reportFigures } from '../../bench/results';
import { installFakeClock } from '../../bench/fake-clock';

describe('bench results', () => {
  it('reads the figure lines of a script and ignores its other output', () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    try {
      reportFigures([{ name: 'a', unit: 'ms', ours: 1 }]);
    } finally {
      console.log = log;
    }
    expect(readFigureParts(['chatter', ...lines, 'more chatter'].join('\n'))).toEqual([
      { name: 'a', unit: 'ms', ours: 1 },
    ]);
  });

  it('joins ours and the baseline by name, in catalogue order with its targets, null where not measured', () => {
    const figures = mergeFigures(
      [
        { name: 'extra', unit: 'B', ours: 5 },
        { name: 'b', unit: 'ms', baseline: 9 },
        { name: 'b', unit: 'ms', ours: 3 },
      ],
      [
        { name: 'a', unit: '', target: null },
        { name: 'b', unit: 'ms', target: 4 },
      ],
    );
    expect(figures).toEqual([
      { name: 'a', unit: '', ours: null, baseline: null, target: null },
      { name: 'b', unit: 'ms', ours: 3, baseline: 9, target: 4 },
      { name: 'extra', unit: 'B', ours: 5, baseline: null, target: null },
    ]);
  });

  it('keeps each side from the script that measured it when two scripts report one figure with nulls', () => {
    const [figure] = mergeFigures(
      [
        { name: 'heap', unit: 'B', ours: 7, baseline: null },
        { name: 'heap', unit: 'B', ours: null, baseline: 11 },
      ],
      [{ name: 'heap', unit: 'B', target: 10 }],
    );
    expect(figure).toEqual({ name: 'heap', unit: 'B', ours: 7, baseline: 11, target: 10 });
  });
});

describe('bench fake clock', () => {
  it('fires timers in time order, repeats intervals, and restores the real timers', async () => {
    const realSetTimeout = globalThis.setTimeout;
    const clock = installFakeClock(1000);
    const fired: string[] = [];
    try {
      setTimeout(() => fired.push(`late@${Date.now()}`), 300);
      setTimeout(() => fired.push(`early@${Date.now()}`), 100);
      const cleared = setTimeout(() => fired.push('cleared'), 50);
      clearTimeout(cleared);
      const every = setInterval(() => fired.push(`tick@${Date.now()}`), 200);
      await clock.advance(450);
      clearInterval(every);
      expect(fired).toEqual(['early@1100', 'tick@1200', 'late@1300', 'tick@1400']);
      expect(clock.now()).toBe(1450);
      expect(clock.pending()).toBe(0);
    } finally {
      clock.uninstall();
    }
    expect(globalThis.setTimeout).toBe(realSetTimeout);
  });
});

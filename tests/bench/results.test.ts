// The plumbing of `npm run bench` (no timing here: benchmarks are scripts, never tests).
import { describe, expect, it } from 'vitest';
import { mergeFigures, readFigureParts, reportFigures, type FigurePart } from '../../bench/results';
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

const targetsOf = (parts: FigurePart[]) =>
  Object.fromEntries(mergeFigures(parts).map((figure) => [figure.name, figure.target]));

describe('bench targets set against the same run', () => {
  it("applies issue 17's table: the naive baseline's figure, a cap, or the bare fetch plus 5 ms", () => {
    const targets = targetsOf([
      { name: 'popup.firstRows.25.ms', unit: 'ms', baseline: 163 },
      { name: 'popup.firstRows.5000.ms', unit: 'ms', baseline: 1598 },
      { name: 'poll.changed1pct.5000.ms', unit: 'ms', baseline: 62 },
      { name: 'poll.longestBlock.ms', unit: 'ms', baseline: 31.5 },
      { name: 'poll.fetchOnly.5000.ms', unit: 'ms', ours: 9.7 },
      { name: 'requests.reboot.untilSettled', unit: 'requests', baseline: 12 },
      { name: 'popup.heap.25.bytes', unit: 'bytes', baseline: 1_633_600 },
    ]);
    expect(targets).toMatchObject({
      'popup.firstRows.25.ms': 130.4,
      'popup.firstRows.5000.ms': 799,
      // ≤ the naive core and ≤ 40 ms: the cap is the lower here, the baseline in the next figure.
      'poll.changed1pct.5000.ms': 40,
      'poll.longestBlock.ms': 31.5,
      'poll.unchanged.5000.ms': 14.7,
      'requests.reboot.untilSettled': 12,
      'popup.heap.25.bytes': 1_633_600,
      'main.import.ms': 100,
      'popup.show.warm.ms': 16,
      'requests.reboot.seenAfterSettle.ms': 5000,
    });
  });

  it('falls back to the cap when the baseline was not measured, and has none when nothing bounds it', () => {
    const targets = targetsOf([{ name: 'poll.unchanged.5000.ms', unit: 'ms', ours: 12 }]);
    expect(targets['poll.longestBlock.ms']).toBe(50);
    expect(targets['poll.changed1pct.5000.ms']).toBe(40);
    expect(targets['popup.firstRows.25.ms']).toBeNull();
    expect(targets['poll.unchanged.5000.ms']).toBeNull();
  });

  it('never rounds a target up past its bound', () => {
    const [figure] = mergeFigures(
      [{ name: 'a', unit: 'ms', baseline: 33.33 }],
      [{ name: 'a', unit: 'ms', target: { naiveTimes: 0.5 } }],
    );
    expect(figure!.target).toBe(16.6);
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

// The virtual list's layout maths: offsets as prefix sums of the row heights, the rows in view, and
// the scroll that reveals a row.
import { describe, expect, it } from 'vitest';
import { computeLayout, scrollToReveal, totalHeight, visibleRange } from '../../../../renderer/views/list/virtual';

describe('virtual list layout', () => {
  const layout = computeLayout(Array.from({ length: 5000 }, (_, index) => (index === 10 ? 100 : 60)));

  it('adds the extra line of a row to the offsets', () => {
    expect(layout.offsets[10]).toBe(600);
    expect(layout.offsets[11]).toBe(700);
    expect(totalHeight(layout)).toBe(4999 * 60 + 100);
  });

  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(layout, 0, 400, 5)).toEqual([0, 12]);
    const [start, end] = visibleRange(layout, 150_000, 400, 5);
    expect(end - start).toBeLessThan(20);
    expect(layout.offsets[start + 5]!).toBeLessThanOrEqual(150_000);
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(layout, 0, 0, 400)).toBe(0);
    expect(scrollToReveal(layout, 4999, 0, 400)).toBe(totalHeight(layout) - 400);
    expect(scrollToReveal(layout, 3, 1000, 400)).toBe(180);
  });
});

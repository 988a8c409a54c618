// Layout maths for the virtual list: rows have a fixed base height plus a fixed extra line when they
// show a confirmation or a message. Offsets are prefix sums; the visible window is found by binary search.

export interface ListLayout {
  /** offsets[i] = top of row i; offsets[n] = total height. */
  offsets: Float64Array;
}

export function computeLayout(heights: ArrayLike<number>): ListLayout {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return { offsets };
}

export function totalHeight(layout: ListLayout): number {
  return layout.offsets[layout.offsets.length - 1]!;
}

/** Index of the row containing `y` (clamped to the list). */
function rowAt(layout: ListLayout, y: number): number {
  const count = layout.offsets.length - 1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layout.offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/** Rows to render, [start, end), for a viewport at `scrollTop`, with `overscan` rows either side. */
export function visibleRange(
  layout: ListLayout,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): [number, number] {
  const count = layout.offsets.length - 1;
  if (count === 0) return [0, 0];
  const first = rowAt(layout, scrollTop);
  const last = rowAt(layout, scrollTop + viewportHeight);
  return [Math.max(0, first - overscan), Math.min(count, last + 1 + overscan)];
}

/** The scrollTop that brings row `index` fully into view (unchanged when it already is). */
export function scrollToReveal(layout: ListLayout, index: number, scrollTop: number, viewportHeight: number): number {
  const top = layout.offsets[index] ?? 0;
  const bottom = layout.offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

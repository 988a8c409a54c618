// Runs in the page before the popup (ours or the baseline's), for the popup benchmarks: every time is
// taken inside the page with performance.now() (ms since navigation start), so the test driver's round
// trips are never part of a figure. "Painted" is the end of the first animation frame in which the
// change is in the DOM: a message posted from requestAnimationFrame arrives after that frame's paint.

import { paintedWhen } from './painted';

declare global {
  interface Window {
    vpsBench: PaintProbe;
    vpsHarnessEmit?: (channel: string, payload: unknown) => void;
  }
}

export interface PaintProbe {
  /** When the first frame with server rows ended (rows: `.server-list li`). */
  firstRowsAt: Promise<number>;
  /** Arms the probe for the next trusted `keydown` or `click`; `result()` then gives input -> painted. */
  arm(kind: 'keydown' | 'click'): void;
  /** ms from the armed input (its event time) to the end of the frame that shows its effect. */
  result(): Promise<number>;
  /** Durations of the tasks Chromium reported as long (>= 50 ms) since the page started. */
  longTasks(): number[];
  /**
   * Raises main's `events` in the page (in order, `window.vpsHarnessEmit`), then gives the ms from
   * just before them to the end of the first frame in which the rows' text changed.
   */
  emitUntilRowsChange(events: Array<[channel: string, payload: unknown]>): Promise<number>;
}

const ROWS = '.server-list li';

/** The rows' text, to tell when they changed. */
const rowsText = () => [...document.querySelectorAll(ROWS)].map((row) => row.textContent).join('\n');

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

const firstRowsAt = new Promise<number>((resolve) => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(ROWS)) return;
    observer.disconnect();
    void paintedWhen(() => true).then(resolve);
  });
  observer.observe(document, { childList: true, subtree: true });
});

let pending: Promise<number> | null = null;

window.vpsBench = {
  firstRowsAt,
  arm(kind) {
    pending = new Promise((resolve) => {
      const listener = (event: Event) => {
        if (!event.isTrusted) return;
        document.removeEventListener(kind, listener, true);
        // A click is done when its row shows the action in progress; a keystroke at the next paint
        // (the list renders in a microtask after the input event, before the frame).
        const row = kind === 'click' && event.target instanceof Element ? event.target.closest('li') : null;
        const ready = () => row === null || row.querySelector('.progress') !== null;
        void paintedWhen(ready).then((paintedAt) => resolve(paintedAt - event.timeStamp));
      };
      document.addEventListener(kind, listener, true);
    });
  },
  result() {
    if (!pending) return Promise.reject(new Error('arm() first'));
    return pending;
  },
  longTasks: () => [...longTasks],
  emitUntilRowsChange(events) {
    const before = rowsText();
    const start = performance.now();
    for (const [channel, payload] of events) window.vpsHarnessEmit?.(channel, payload);
    return paintedWhen(() => rowsText() !== before).then((paintedAt) => paintedAt - start);
  },
};

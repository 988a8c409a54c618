// When a change is on screen, for the page-side benchmarks (paint-probe.ts, timeline-bench.ts): the end
// of the first animation frame in which it is in the DOM. A message posted from requestAnimationFrame
// arrives after that frame's paint.

/** Resolves after the paint of the first frame in which `ready()` holds. */
export function paintedWhen(ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const frame = () => {
      if (!ready()) return void requestAnimationFrame(frame);
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => resolve(performance.now()));
      channel.port1.start();
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a MessagePort has no target origin
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(frame);
  });
}

// Bridge over a MessagePort to the recorded main process (dev/page/recorded-main.ts), used by the popup
// benchmarks: answers arrive by structured clone, as Electron's IPC delivers them, never as JSON
// through a Playwright binding. Main's events, where a benchmark needs them (a warm open), are raised in
// the page itself (`window.vpsHarnessEmit`), so that no round trip of the driver is timed.
import { installBridge } from './install-bridge';
import type { PortAnswer, PortCall } from './recorded-main';

/** Kept in step with RECORDED_MAIN_PATH and RECORDED_MAIN_NAME in bench/popup.ts. */
const worker = new SharedWorker('/__bench/recorded-main.js', { name: 'vps-recorded-main' });
const waiting = new Map<number, (result: unknown) => void>();
let nextId = 1;

worker.port.addEventListener('message', (message: MessageEvent<PortAnswer>) => {
  const resolve = waiting.get(message.data.id);
  waiting.delete(message.data.id);
  resolve?.(message.data.result);
});
worker.port.start();

installBridge(
  (channel, request) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a MessagePort has no target origin
      worker.port.postMessage({ kind: 'call', id, channel, request } satisfies PortCall);
    }),
);

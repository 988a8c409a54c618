// A SharedWorker standing in for Electron's main process in the popup benchmarks (bench/popup.ts): it
// holds the real core's answers, recorded by the bench before the page opens, and answers the page's
// calls over a MessagePort, so the page receives them by structured clone, as ipcRenderer.invoke would,
// serialised on another thread than the page's. A channel with no recorded answer (a power action) is
// never answered: the popup's own pending state is what the bench watches.

/** Sent by the bench's set-up page: the answer (a Result) of each channel. */
export interface RecordAnswers {
  kind: 'record';
  answers: Record<string, unknown>;
}

/** Sent by the page's bridge: one call. */
export interface PortCall {
  kind: 'call';
  id: number;
  channel: string;
  request: unknown;
}

/** Sent back to the bridge: the answer of call `id`. */
export interface PortAnswer {
  id: number;
  result: unknown;
}

// SharedWorkerGlobalScope is not in the DOM library this folder is checked with: only its 'connect' event is used.
const scope = globalThis as unknown as Pick<EventTarget, 'addEventListener'>;

let answers: Record<string, unknown> = {};

scope.addEventListener('connect', (event) => {
  const port = (event as MessageEvent).ports[0];
  if (!port) return;
  port.addEventListener('message', (message: MessageEvent<RecordAnswers | PortCall>) => {
    const data = message.data;
    if (data.kind === 'record') {
      answers = data.answers;
      port.postMessage({ id: -1, result: 'recorded' } satisfies PortAnswer);
    } else if (data.channel in answers) {
      port.postMessage({ id: data.id, result: answers[data.channel] } satisfies PortAnswer);
    }
  });
  // A port listened to with addEventListener delivers nothing until started.
  port.start();
});

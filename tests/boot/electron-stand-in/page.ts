// The renderer side of the stand-in, run in the page before any of its scripts (a Playwright init
// script, as Electron runs the preload before the page): `contextBridge` and `ipcRenderer` stand-ins,
// then the BUILT preload (dist/preload/index.cjs) as the CommonJS module it is, with a `require` that,
// like a sandboxed preload's, gives `electron` and nothing else.
//
// `installRendererElectron` is turned into source text for the page: it must use nothing from outside
// its own body. Both directions of IPC pass through structuredClone, as Electron's IPC does, so a
// value Electron could not send (a function, a class instance's prototype, a symbol) fails or changes
// here too.

/** Names of the two page globals the Node side uses (a Playwright binding and a delivery function). */
export interface PageChannelNames {
  /** Installed by Playwright's exposeBinding: the page's way to Node. */
  binding: string;
  /** Installed here: Node's way to deliver `webContents.send` messages. */
  deliver: string;
}

/** One `ipcRenderer.invoke` from the page to Node through the binding (the preload only invokes). */
export type PageToNode = { channel: string; args: unknown[] };

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Returns the `electron` module a preload sees. Runs in the page. */
function installRendererElectron(names: PageChannelNames): unknown {
  const page = globalThis as unknown as Record<string, unknown>;
  const toNode = page[names.binding] as (message: PageToNode) => Promise<unknown>;
  // The page's own scripts have no IPC in Electron: only the preload holds the way to main.
  delete page[names.binding];
  const listeners = new Map<string, Listener[]>();

  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const answer = await toNode({ channel, args: structuredClone(args) });
      return structuredClone(answer);
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      const rest = (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener);
      listeners.set(channel, rest);
      return ipcRenderer;
    },
  };

  Object.defineProperty(page, names.deliver, {
    enumerable: false,
    value: (channel: string, args: unknown[]) => {
      const event = { sender: ipcRenderer, senderId: 0, ports: [] };
      for (const listener of listeners.get(channel) ?? []) {
        const cloned = structuredClone(args);
        try {
          listener(event, ...cloned);
        } catch (error) {
          // Electron reports a listener's exception as an uncaught error of the page.
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  });

  /**
   * What crosses the context bridge: plain values are copied, functions become proxies whose
   * arguments and results are copied the same way (promises resolve to copies). An approximation of
   * Electron's contextBridge; the page and the preload share one JavaScript world here.
   */
  const copyAcross = (value: unknown): unknown => {
    if (typeof value === 'function') {
      const target = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => copyAcross(target(...args.map(copyAcross)));
    }
    if (value instanceof Promise) return value.then(copyAcross);
    if (Array.isArray(value)) return value.map(copyAcross);
    if (typeof value === 'object' && value !== null) {
      if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copyAcross(inner)]));
    }
    return value;
  };

  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      if (key in page) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(page, key, { value: copyAcross(api), enumerable: true });
    },
  };

  return { contextBridge, ipcRenderer };
}

/** The init script: the stand-ins, then the preload's source inside a CommonJS wrapper. */
export function rendererInitScript(names: PageChannelNames, preloadSource: string): string {
  return `(() => {
const electron = (${installRendererElectron.toString()})(${JSON.stringify(names)});
const require = (id) => {
  if (id === 'electron') return electron;
  throw new Error('A sandboxed preload cannot require ' + JSON.stringify(id) + ' (the Electron stand-in gives only electron)');
};
const module = { exports: {} };
(function (require, module, exports) {
${preloadSource}
})(require, module, module.exports);
})();`;
}

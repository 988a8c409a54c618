// Runs in the page, before the renderer: installs the same `window.vps` object the Electron preload
// exposes (createBridge from common/bridge.ts), over a transport the harness provides instead of
// ipcRenderer. Main -> page events arrive through `window.vpsHarnessEmit`.
import { createBridge, type BridgeTransport } from '../../common/bridge';

type Listener = (payload: unknown) => void;
export type RawInvoke = (channel: string, request: unknown) => Promise<unknown>;

declare global {
  interface Window {
    vpsHarnessEmit?: (channel: string, payload: unknown) => void;
  }
}

export function installBridge(rawInvoke: RawInvoke): void {
  const listeners = new Map<string, Set<Listener>>();
  const transport: BridgeTransport = {
    // The harness answers with the router's Result, exactly as ipcRenderer.invoke would.
    invoke: (channel, request) => rawInvoke(channel, request) as never,
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
  window.vpsHarnessEmit = (channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  Object.defineProperty(window, 'vps', { value: Object.freeze(createBridge(transport)), writable: false });
}

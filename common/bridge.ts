// The grouped API the popup sees as `window.vps`, built from the contract's BRIDGE_METHODS and
// BRIDGE_EVENTS over a transport, so that the same object is exposed by the Electron preload (over
// ipcRenderer) and by the developer harness (over Playwright bindings or HTTP). The renderer's type is
// derived from the contract (`VpsBridge`), never written by hand: a channel added to the contract is
// on the bridge without touching this file.
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type Result,
} from './contract';

export interface BridgeTransport {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>>;
  /** Returns an unsubscribe function. */
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

/** A channel as a method: no argument when its request is empty. */
type BridgeMethod<C> = C extends InvokeChannel
  ? [InvokeRequest<C>] extends [undefined]
    ? () => Promise<Result<InvokeResponse<C>>>
    : (request: InvokeRequest<C>) => Promise<Result<InvokeResponse<C>>>
  : never;

type Methods = typeof BRIDGE_METHODS;
type Events = typeof BRIDGE_EVENTS;

export type VpsBridge = { [G in keyof Methods]: { [M in keyof Methods[G]]: BridgeMethod<Methods[G][M]> } } & {
  [E in keyof Events]: (listener: (payload: EventPayload<Events[E]>) => void) => () => void;
};

export function createBridge(transport: BridgeTransport): VpsBridge {
  const groups = Object.fromEntries(
    Object.entries(BRIDGE_METHODS).map(([group, methods]) => [
      group,
      Object.fromEntries(
        Object.entries(methods).map(([name, channel]) => [
          name,
          (request?: unknown) => transport.invoke(channel, request as InvokeRequest<typeof channel>),
        ]),
      ),
    ]),
  );
  const events = Object.fromEntries(
    Object.entries(BRIDGE_EVENTS).map(([name, channel]) => [
      name,
      (listener: (payload: unknown) => void) => transport.subscribe(channel, listener),
    ]),
  );
  // The maps are typed by the contract; the two generic loops above cannot carry per-entry types.
  return { ...groups, ...events } as VpsBridge;
}

// The grouped API the popup sees as `window.vps`. Built from a transport so that the same object is
// exposed by the Electron preload (over ipcRenderer) and by the end-to-end harness (over Playwright
// bindings). The renderer's type is derived from this function: `VpsBridge`, never written twice.
import {
  EventChannel,
  InvokeChannel,
  type EventPayload,
  type InvokeRequest,
  type InvokeResponse,
  type Result,
} from './contract';

export interface BridgeTransport {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>>;
  /** Returns an unsubscribe function. */
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

export function createBridge(transport: BridgeTransport) {
  const call =
    <C extends InvokeChannel>(channel: C) =>
    (request: InvokeRequest<C>) =>
      transport.invoke(channel, request);
  const callEmpty =
    <C extends InvokeChannel>(channel: C) =>
    () =>
      transport.invoke(channel, undefined as InvokeRequest<C>);
  const on =
    <C extends EventChannel>(channel: C) =>
    (listener: (payload: EventPayload<C>) => void) =>
      transport.subscribe(channel, listener);

  return {
    app: { info: callEmpty(InvokeChannel.appInfo), hidePopup: callEmpty(InvokeChannel.popupHide) },
    auth: { state: callEmpty(InvokeChannel.authState) },
    token: { set: call(InvokeChannel.tokenSet), clear: callEmpty(InvokeChannel.tokenClear) },
    demo: { start: callEmpty(InvokeChannel.demoStart), stop: callEmpty(InvokeChannel.demoStop) },
    fleet: { subscribe: callEmpty(InvokeChannel.fleetSubscribe), refresh: callEmpty(InvokeChannel.fleetRefresh) },
    servers: {
      list: call(InvokeChannel.serversList),
      get: call(InvokeChannel.serversGet),
      create: call(InvokeChannel.serversCreate),
      replace: call(InvokeChannel.serversReplace),
      update: call(InvokeChannel.serversUpdate),
      delete: call(InvokeChannel.serversDelete),
      start: call(InvokeChannel.serversStart),
      stop: call(InvokeChannel.serversStop),
      reboot: call(InvokeChannel.serversReboot),
    },
    settings: { get: callEmpty(InvokeChannel.settingsGet), set: call(InvokeChannel.settingsSet) },
    clipboard: { write: call(InvokeChannel.clipboardWrite) },
    onFleetChange: on(EventChannel.fleetChanged),
    onActionFinished: on(EventChannel.actionFinished),
    onAuthChange: on(EventChannel.authChanged),
    onSettingsChange: on(EventChannel.settingsChanged),
    onPopupShown: on(EventChannel.popupShown),
  };
}

export type VpsBridge = ReturnType<typeof createBridge>;

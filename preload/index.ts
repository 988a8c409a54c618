// The preload script of the popup (bundled to dist/preload/index.cjs, runs sandboxed). It exposes the
// grouped `window.vps` API built by createBridge over ipcRenderer. Never exposed: ipcRenderer itself,
// the IPC event object (it carries `sender`), or any channel not in the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge, type BridgeTransport } from '../common/bridge';
import type { EventChannel, EventPayload, InvokeChannel, InvokeResponse, IpcError, Result } from '../common/contract';

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Answers from main are `Result`s; anything else (a bug, a thrown error) becomes a failed Result. */
export function toResult(value: unknown): Result<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const candidate = value as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value };
    if (candidate.ok === false && isIpcError(candidate.error)) return { ok: false, error: candidate.error };
  }
  return { ok: false, error: { kind: 'internal', message: 'The app sent an unexpected answer. Please try again.' } };
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

export function createIpcTransport(ipc: IpcRendererLike): BridgeTransport {
  return {
    async invoke<C extends InvokeChannel>(channel: C, request: unknown) {
      try {
        return toResult(await ipc.invoke(channel, request)) as Result<InvokeResponse<C>>;
      } catch {
        return { ok: false, error: { kind: 'internal', message: 'The app did not answer. Please try again.' } };
      }
    },
    subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void) {
      // Only the payload reaches the page, never the event (it would expose `sender`).
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as EventPayload<C>);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
}

contextBridge.exposeInMainWorld('vps', createBridge(createIpcTransport(ipcRenderer)));

// The core's IPC router on ipcMain, and its events forwarded to the popup only (ipc.ts).
import { ipcMain } from 'electron';
import type { Log } from '../app-log';
import type { Core } from '../core';
import { bindIpc, createEventForwarder } from './ipc';
import type { PopupController } from './popup-window';

/** Returns a function that unbinds the handlers and stops the forwarding. */
export function setupIpc(deps: {
  core: Pick<Core, 'router' | 'onEvent'>;
  popup: Pick<PopupController, 'webContents'>;
  log: Log;
}): () => void {
  const { core, popup, log } = deps;
  const unbind = bindIpc(ipcMain, core.router, (level, message) => log(level, message));
  const unforward = core.onEvent(createEventForwarder(() => popup.webContents()));
  return () => {
    unbind();
    unforward();
  };
}

// The stand-in's `ipcMain`: `handle` for invoke, with Electron's refusals (a second handler for a
// channel, an invoke nobody handles); an EventEmitter for `on` (electron-store listens on it). What
// arrives here was already passed through structuredClone in the page (page.ts); answers are cloned
// here before they leave (window.ts).
import { EventEmitter } from 'node:events';

/** What a handler's `event` carries: the window's webContents and the frame that sent, with its URL. */
export interface StandInIpcEvent {
  sender: unknown;
  senderFrame: { url: string };
}

type InvokeHandler = (event: StandInIpcEvent, ...args: unknown[]) => unknown;

class StandInIpcMain extends EventEmitter {
  readonly #handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, handler);
  }

  /** An `ipcRenderer.invoke` from a page: Electron rejects in the renderer when no handler is there. */
  async invokeFromRenderer(event: StandInIpcEvent, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new StandInIpcMain();

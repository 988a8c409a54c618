// The stand-in's `ipcMain`: `handle` for invoke, `on` for send, with Electron's refusals (a second
// handler for a channel, an invoke nobody handles) and its error wording towards the renderer. What
// arrives here was already passed through structuredClone in the page (page.ts); answers are cloned
// here before they leave (window.ts).
import { EventEmitter } from 'node:events';

/** What a handler's `event` carries: the window's webContents and the frame that sent, with its URL. */
export interface StandInIpcEvent {
  sender: unknown;
  senderFrame: { url: string; name: string; routingId: number; processId: number };
  frameId: number;
  processId: number;
  type: 'frame';
}

type InvokeHandler = (event: StandInIpcEvent, ...args: unknown[]) => unknown;

class StandInIpcMain extends EventEmitter {
  readonly #handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** Channels with a handler now (the journeys check the app bound its router). */
  handledChannels(): string[] {
    return [...this.#handlers.keys()];
  }

  /** An `ipcRenderer.invoke` from a page: Electron rejects in the renderer with these messages. */
  async invokeFromRenderer(event: StandInIpcEvent, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    try {
      return await handler(event, ...args);
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }

  /** An `ipcRenderer.send` from a page. */
  sendFromRenderer(event: StandInIpcEvent, channel: string, args: unknown[]): void {
    this.emit(channel, event, ...args);
  }
}

export const ipcMain = new StandInIpcMain();
export type { StandInIpcMain };

// Binds the Electron-free IPC router to ipcMain, and forwards core events to the popup only.
// The router checks the sender (the popup page's URL) and the payload; this file only passes the
// sender frame's URL along and makes sure nothing thrown reaches Electron (which would send the
// error text, possibly with internals, to the renderer).
import { EventChannel, type InvokeChannel, type Result } from '../../common/contract';
import { GENERIC_INTERNAL_MESSAGE } from '../ipc/errors';
import { isAppPageUrl, type IpcRouter } from '../ipc/router';
import type { Log } from '../app-log';

/** The parts of IpcMainInvokeEvent used. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed?(): boolean;
}

/** True when the sender is the popup page at `pageUrl` (the router refuses everything else). */
export function trustedSender(pageUrl: string) {
  return (sender: { url: string }): boolean => isAppPageUrl(sender.url, pageUrl);
}

const INTERNAL_FAILURE: Result<unknown> = { ok: false, error: { kind: 'internal', message: GENERIC_INTERNAL_MESSAGE } };

/** Registers one handler per invoke channel; returns a function removing them. */
export function bindIpc(ipcMain: IpcMainLike, router: Pick<IpcRouter, 'handle' | 'channels'>, log?: Log): () => void {
  const channels: readonly InvokeChannel[] = router.channels;
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload) => {
      try {
        // A destroyed or detached frame has no URL: the router then rejects it as a foreign sender.
        return await router.handle(channel, payload, { url: event.senderFrame?.url ?? '' });
      } catch (error) {
        log?.('error', `IPC handler for ${channel} threw: ${error instanceof Error ? error.message : String(error)}`);
        return INTERNAL_FAILURE;
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

const EVENT_CHANNELS: ReadonlySet<string> = new Set(Object.values(EventChannel));

/** A core-event listener that sends to the popup's webContents when (and only when) it exists. */
export function createEventForwarder(getTarget: () => EventTargetLike | null) {
  return (channel: EventChannel, payload: unknown): void => {
    if (!EVENT_CHANNELS.has(channel)) return;
    const target = getTarget();
    if (!target || target.isDestroyed?.()) return;
    try {
      target.send(channel, payload);
    } catch {
      // The page is going away (render process gone): the next open fetches a fresh snapshot.
    }
  };
}

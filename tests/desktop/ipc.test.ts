import { describe, expect, it, vi } from 'vitest';
import type { Log } from '../../main/app-log';
import {
  bindIpc,
  createEventForwarder,
  trustedSender,
  type IpcMainLike,
  type InvokeEventLike,
} from '../../main/desktop/ipc';
import { POPUP_PAGE_URL } from '../../main/desktop/app-protocol';
import { GENERIC_INTERNAL_MESSAGE } from '../../main/ipc/errors';
import { createRouter, isAppPageUrl, type RouterHandlers } from '../../main/ipc/router';
import { EventChannel, InvokeChannel, type Result } from '../../common/contract';

type Listener = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn<(channel: string, listener: Listener) => void>((channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn<(channel: string) => void>((channel) => {
      handlers.delete(channel);
    }),
  } satisfies IpcMainLike;
  return { ipcMain, handlers };
}

const PAGE = POPUP_PAGE_URL;

describe('ipc binding', () => {
  it('registers every invoke channel and passes the sender frame URL to the router', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const handle = vi.fn<() => Promise<Result<unknown>>>(async (): Promise<Result<unknown>> => ({
      ok: true,
      value: 'pong',
    }));
    const unbind = bindIpc(ipcMain, { handle, channels: Object.values(InvokeChannel) });
    expect([...handlers.keys()].toSorted()).toEqual(Object.values(InvokeChannel).toSorted());

    const listener = handlers.get(InvokeChannel.serversReboot)!;
    await expect(listener({ senderFrame: { url: PAGE } }, { accountId: 'a', id: 1 })).resolves.toEqual({
      ok: true,
      value: 'pong',
    });
    expect(handle).toHaveBeenCalledWith(InvokeChannel.serversReboot, { accountId: 'a', id: 1 }, { url: PAGE });
    await listener({ senderFrame: null }, undefined);
    expect(handle).toHaveBeenLastCalledWith(InvokeChannel.serversReboot, undefined, { url: '' });

    unbind();
    expect(handlers.size).toBe(0);
  });

  it('never lets an exception escape to Electron', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const log = vi.fn<Log>();
    bindIpc(
      ipcMain,
      { handle: async () => Promise.reject(new Error('token=abc leaked?')), channels: [InvokeChannel.appInfo] },
      log,
    );
    const result = await handlers.get(InvokeChannel.appInfo)!({ senderFrame: { url: PAGE } }, undefined);
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: GENERIC_INTERNAL_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain('abc');
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('with the real router, a foreign sender is refused', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const appInfo = vi.fn<() => { version: string; platform: string; systemLocale: string }>(() => ({
      version: '0.1.0',
      platform: 'linux',
      systemLocale: 'en-US',
    }));
    const router = createRouter({ [InvokeChannel.appInfo]: appInfo } as unknown as RouterHandlers, (sender) =>
      isAppPageUrl(sender.url, PAGE),
    );
    bindIpc(ipcMain, router);
    const listener = handlers.get(InvokeChannel.appInfo)!;
    await expect(listener({ senderFrame: { url: 'https://evil.example/' } }, undefined)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await expect(listener({}, undefined)).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(appInfo).not.toHaveBeenCalled();
    await expect(listener({ senderFrame: { url: `${PAGE}#settings` } }, undefined)).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('trusted sender', () => {
  it('trusts the bundled popup page (with a fragment) and nothing else', () => {
    const trusted = trustedSender(PAGE);
    expect(trusted({ url: PAGE })).toBe(true);
    expect(trusted({ url: `${PAGE}#settings` })).toBe(true);
    expect(trusted({ url: 'file:///tmp/index.html' })).toBe(false);
    // The page as a file, the old way of loading it, is no longer the app's page.
    expect(trusted({ url: 'file:///opt/VPS.org%20Tray/resources/app.asar/dist/renderer/index.html' })).toBe(false);
    expect(trusted({ url: 'app://evil/index.html' })).toBe(false);
    expect(trusted({ url: 'app://popup/other.html' })).toBe(false);
    expect(trusted({ url: 'app://user@popup/index.html' })).toBe(false);
    expect(trusted({ url: 'http://popup/index.html' })).toBe(false);
    expect(trusted({ url: 'https://evil.example/dist/renderer/index.html' })).toBe(false);
    // A destroyed frame has no URL.
    expect(trusted({ url: '' })).toBe(false);
  });
});

describe('event forwarding', () => {
  it('sends only to the popup webContents, and only while it exists', () => {
    let target: {
      send: ReturnType<typeof vi.fn<(channel: string, payload: unknown) => void>>;
      isDestroyed: () => boolean;
    } | null = null;
    const forward = createEventForwarder(() => target);
    forward(EventChannel.popupShown, { view: null });
    target = { send: vi.fn<(channel: string, payload: unknown) => void>(), isDestroyed: () => false };
    forward(EventChannel.authChanged, { mode: 'none' });
    expect(target.send).toHaveBeenCalledWith(EventChannel.authChanged, { mode: 'none' });
    forward('vps:not-an-event' as EventChannel, 1);
    expect(target.send).toHaveBeenCalledTimes(1);
    const destroyed = { send: vi.fn<(channel: string, payload: unknown) => void>(), isDestroyed: () => true };
    target = destroyed;
    forward(EventChannel.popupShown, { view: null });
    expect(destroyed.send).not.toHaveBeenCalled();
    target = {
      send: vi.fn<(channel: string, payload: unknown) => void>(() => {
        throw new Error('Render frame was disposed');
      }),
      isDestroyed: () => false,
    };
    expect(() => forward(EventChannel.popupShown, { view: null })).not.toThrow();
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { VpsBridge } from '../../common/bridge';
import { EventChannel, InvokeChannel } from '../../common/contract';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipc = vi.hoisted(() => ({
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  on: vi.fn<(channel: string, listener: (event: unknown, payload: unknown) => void) => void>(),
  removeListener: vi.fn<(channel: string, listener: (event: unknown, payload: unknown) => void) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>((key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error('exposed twice');
      exposed.set(key, api);
    }),
  },
  ipcRenderer: ipc,
}));

const { toResult } = await import('../../preload/index');
const electron = await import('electron');
const vps = exposed.get('vps') as VpsBridge;

describe('preload', () => {
  it('exposes exactly one API, as window.vps, and not ipcRenderer', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...exposed.keys()]).toEqual(['vps']);
    const seen = JSON.stringify(Object.keys(vps));
    expect(seen).not.toMatch(/ipc|invoke|send/i);
  });

  it('invokes the contract channel with the request', async () => {
    ipc.invoke.mockResolvedValueOnce({ ok: true, value: { message: 'Server is rebooting' } });
    const ref = { accountId: 'acc-1', id: 12345 };
    await expect(vps.servers.reboot(ref)).resolves.toEqual({ ok: true, value: { message: 'Server is rebooting' } });
    expect(ipc.invoke).toHaveBeenLastCalledWith(InvokeChannel.serversReboot, ref);
    ipc.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await vps.popup.hide();
    expect(ipc.invoke).toHaveBeenLastCalledWith(InvokeChannel.popupHide, undefined);
  });

  it('turns a malformed or failed answer into a failed Result', async () => {
    ipc.invoke.mockResolvedValueOnce('not a result');
    await expect(vps.auth.state()).resolves.toMatchObject({ ok: false, error: { kind: 'internal' } });
    ipc.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'vps:auth:state'"));
    await expect(vps.auth.state()).resolves.toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(toResult({ ok: false, error: { kind: 'forbidden', message: 'no' } })).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: 'no' },
    });
    expect(toResult({ ok: false, error: 'x' })).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(toResult(null)).toMatchObject({ ok: false });
  });

  it('subscriptions pass only the payload and unsubscribe with removeListener', () => {
    const listener = vi.fn<(payload: unknown) => void>();
    const unsubscribe = vps.onAuthChange(listener);
    const [channel, wrapped] = ipc.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(EventChannel.authChanged);
    wrapped({ sender: 'secret-ipc-object' }, { mode: 'none' });
    expect(listener).toHaveBeenCalledWith({ mode: 'none' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(ipc.removeListener).toHaveBeenCalledWith(EventChannel.authChanged, wrapped);
  });
});

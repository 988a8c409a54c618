// The global shortcut against a fake OS: registered, moved when the setting changes, released on quit;
// a refusal (another app holds it, Electron cannot read it, a Wayland session) is reported and logged.
import { describe, expect, it, vi } from 'vitest';
import type { ShortcutStatus } from '../../common/contract';
import type { LogLevel } from '../../main/app-log';
import { createGlobalShortcut, isWaylandSession, type GlobalShortcutLike } from '../../main/desktop/global-shortcut';

function fakeOs(options: { taken?: string[]; unreadable?: string[] } = {}) {
  const held = new Map<string, () => void>();
  const calls: string[] = [];
  const globalShortcut: GlobalShortcutLike = {
    register(accelerator, callback) {
      calls.push(`register ${accelerator}`);
      if (options.unreadable?.includes(accelerator)) throw new TypeError('conversion failure');
      if (options.taken?.includes(accelerator)) return false;
      held.set(accelerator, callback);
      return true;
    },
    unregister(accelerator) {
      calls.push(`unregister ${accelerator}`);
      held.delete(accelerator);
    },
  };
  return { globalShortcut, held, calls };
}

function setup(options: Parameters<typeof fakeOs>[0] & { env?: Record<string, string>; platform?: string } = {}) {
  const os = fakeOs(options);
  const reports: ShortcutStatus[] = [];
  const logs: Array<[LogLevel, string]> = [];
  const onPressed = vi.fn<() => void>();
  const shortcut = createGlobalShortcut({
    globalShortcut: os.globalShortcut,
    platform: options.platform ?? 'linux',
    env: options.env ?? { XDG_SESSION_TYPE: 'x11' },
    onPressed,
    report: (status) => reports.push(status),
    log: (level, message) => logs.push([level, message]),
  });
  return { ...os, shortcut, reports, logs, onPressed };
}

describe('global shortcut', () => {
  it('registers the accelerator; pressing it runs onPressed', () => {
    const t = setup();
    t.shortcut.apply('CommandOrControl+Alt+Shift+K');
    expect(t.reports).toEqual([{ state: 'active', accelerator: 'CommandOrControl+Alt+Shift+K' }]);
    t.held.get('CommandOrControl+Alt+Shift+K')!();
    expect(t.onPressed).toHaveBeenCalledTimes(1);
  });

  it('a changed setting releases the old shortcut before taking the new one; the same one again does nothing', () => {
    const t = setup();
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    t.shortcut.apply('Alt+Shift+F9');
    expect(t.calls).toEqual(['register Ctrl+Alt+Shift+K', 'unregister Ctrl+Alt+Shift+K', 'register Alt+Shift+F9']);
    expect([...t.held.keys()]).toEqual(['Alt+Shift+F9']);
    expect(t.reports.at(-1)).toEqual({ state: 'active', accelerator: 'Alt+Shift+F9' });
  });

  it('empty turns it off; dispose releases what is held', () => {
    const t = setup();
    t.shortcut.apply('Alt+Shift+F9');
    t.shortcut.apply('');
    expect(t.held.size).toBe(0);
    expect(t.reports.at(-1)).toEqual({ state: 'off' });
    t.shortcut.apply('Alt+Shift+F8');
    t.shortcut.dispose();
    t.shortcut.dispose();
    expect(t.held.size).toBe(0);
    expect(t.calls.filter((call) => call === 'unregister Alt+Shift+F8')).toHaveLength(1);
  });

  it('another app holds it: reported as taken and logged, nothing thrown, nothing to release', () => {
    const t = setup({ taken: ['Ctrl+Alt+Shift+K'] });
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    expect(t.reports).toEqual([{ state: 'failed', accelerator: 'Ctrl+Alt+Shift+K', reason: 'taken' }]);
    expect(t.logs).toEqual([['warn', 'global shortcut Ctrl+Alt+Shift+K not registered: another app holds it']]);
    t.shortcut.apply('Alt+Shift+F9');
    expect(t.calls).toEqual(['register Ctrl+Alt+Shift+K', 'register Alt+Shift+F9']);
    expect(t.reports.at(-1)).toEqual({ state: 'active', accelerator: 'Alt+Shift+F9' });
  });

  it('a shortcut another app held is tried again on the next save, and taken once that app let it go', () => {
    const taken = ['Ctrl+Alt+Shift+K'];
    const t = setup({ taken });
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    expect(t.reports.at(-1)).toMatchObject({ state: 'failed', reason: 'taken' });
    taken.length = 0;
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    expect(t.reports.at(-1)).toEqual({ state: 'active', accelerator: 'Ctrl+Alt+Shift+K' });
    // Held now: saving again does not touch the OS.
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    expect(t.calls).toEqual(['register Ctrl+Alt+Shift+K', 'register Ctrl+Alt+Shift+K']);
  });

  it('an accelerator Electron cannot read is reported as an error, not thrown', () => {
    const t = setup({ unreadable: ['Ctrl+Alt+Shift+K'] });
    expect(() => t.shortcut.apply('Ctrl+Alt+Shift+K')).not.toThrow();
    expect(t.reports).toEqual([{ state: 'failed', accelerator: 'Ctrl+Alt+Shift+K', reason: 'error' }]);
    expect(t.logs[0]?.[1]).toContain('conversion failure');
  });

  it('a Wayland session: not registered, reported as wayland (Settings point to --toggle)', () => {
    const t = setup({ env: { XDG_SESSION_TYPE: 'wayland' } });
    t.shortcut.apply('Ctrl+Alt+Shift+K');
    expect(t.calls).toEqual([]);
    expect(t.reports).toEqual([{ state: 'failed', accelerator: 'Ctrl+Alt+Shift+K', reason: 'wayland' }]);
    expect(t.logs[0]?.[1]).toContain('--toggle');
    t.shortcut.apply('');
    expect(t.reports.at(-1)).toEqual({ state: 'off' });
  });

  it('tells a Wayland session only on Linux, from XDG_SESSION_TYPE', () => {
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'Wayland' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11' })).toBe(false);
    expect(isWaylandSession('linux', {})).toBe(false);
    expect(isWaylandSession('darwin', { XDG_SESSION_TYPE: 'wayland' })).toBe(false);
  });
});

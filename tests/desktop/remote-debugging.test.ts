// A packaged build refuses Chromium's remote debugging: it says why and quits before anything else.
import { describe, expect, it, vi } from 'vitest';
import { refuseRemoteDebugging, remoteDebuggingSwitch } from '../../main/desktop/remote-debugging';

function deps(isPackaged: boolean, argv: string[]) {
  return {
    isPackaged,
    argv,
    showError: vi.fn<(title: string, content: string) => void>(),
    exit: vi.fn<(code: number) => void>(),
  };
}

describe('remote debugging', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--REMOTE-DEBUGGING-PORT=0'],
    ['-remote-debugging-port=9222'],
    ['/remote-debugging-pipe'],
  ])('a packaged build started with %s says why and quits', (...flags) => {
    const d = deps(true, ['/opt/VPS.org Tray/vps-org-tray', ...flags]);
    expect(refuseRemoteDebugging(d)).toBe(true);
    expect(d.exit).toHaveBeenCalledWith(1);
    expect(d.showError).toHaveBeenCalledTimes(1);
    expect(d.showError.mock.calls[0]![1]).toMatch(/--remote-debugging-(port|pipe)/);
  });

  it('a packaged build without it starts; so does a development run with it', () => {
    for (const d of [
      deps(true, ['/opt/vps-org-tray', '--toggle', '--demo', '--remote-debugging-portal', 'remote-debugging-port']),
      deps(false, ['electron', '.', '--remote-debugging-port=9222']),
    ]) {
      expect(refuseRemoteDebugging(d)).toBe(false);
      expect(d.exit).not.toHaveBeenCalled();
      expect(d.showError).not.toHaveBeenCalled();
    }
  });

  it('names the switch it found', () => {
    expect(remoteDebuggingSwitch(['x', '--remote-debugging-pipe'])).toBe('--remote-debugging-pipe');
    expect(remoteDebuggingSwitch(['x', '--inspect'])).toBeNull();
  });
});

// The first-start notice for a Linux desktop without a tray host, over a fake session bus: `gdbus` is
// played by a runner that answers the two calls as a bus with (or without) a StatusNotifier watcher
// and host would, and a profile is a marker flag kept across "starts".
import { describe, expect, it } from 'vitest';
import {
  gdbusTrayHost,
  tellWhenNoTrayHost,
  type CommandRunner,
  type TrayHostNoticeDeps,
} from '../../main/desktop/tray-host';

type Bus =
  | { watcher: false }
  | { watcher: true; hostRegistered: boolean }
  | { fails: 'no-gdbus' | 'no-session' | 'timeout' }
  | { replies: string };

/** `gdbus call …` against `bus`, recording each call's method. */
function fakeGdbus(bus: Bus) {
  const calls: string[] = [];
  const run: CommandRunner = (file, args, timeoutMs) => {
    expect(file).toBe('gdbus');
    expect(timeoutMs).toBeGreaterThan(0);
    const method = args[args.indexOf('--method') + 1]!;
    calls.push(method);
    if ('fails' in bus) {
      const error =
        bus.fails === 'no-gdbus'
          ? Object.assign(new Error('spawn gdbus ENOENT'), { code: 'ENOENT' })
          : bus.fails === 'timeout'
            ? Object.assign(new Error('Command failed: gdbus'), { killed: true, signal: 'SIGTERM' })
            : new Error('Error connecting: Cannot autolaunch D-Bus without X11 $DISPLAY');
      return Promise.reject(error);
    }
    if ('replies' in bus) return Promise.resolve(bus.replies);
    if (method === 'org.freedesktop.DBus.NameHasOwner') return Promise.resolve(`(${String(bus.watcher)},)\n`);
    if (!bus.watcher) return Promise.reject(new Error('GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown'));
    return Promise.resolve(`(<${String(bus.hostRegistered)}>,)\n`);
  };
  return { run, calls };
}

/** A profile kept across starts (the marker), and what each start showed. */
function profile() {
  let told = false;
  const notices: number[] = [];
  const logged: string[] = [];
  const start = (platform: string, askBus: TrayHostNoticeDeps['askBus']) =>
    tellWhenNoTrayHost({
      platform,
      askBus,
      alreadyTold: () => told,
      remember: () => {
        told = true;
      },
      notify: () => notices.push(notices.length + 1),
      log: (_level, message) => logged.push(message),
    });
  return { start, notices, logged };
}

describe('gdbus as the tray host probe', () => {
  it.each([
    [
      'a watcher with a host (KDE, GNOME with the AppIndicator extension)',
      { watcher: true, hostRegistered: true },
      'present',
    ],
    ['a watcher without a host', { watcher: true, hostRegistered: false }, 'absent'],
    ['no watcher at all (stock GNOME)', { watcher: false }, 'absent'],
    ['no gdbus installed', { fails: 'no-gdbus' }, 'unknown'],
    ['no session bus', { fails: 'no-session' }, 'unknown'],
    ['a call that hung and was killed', { fails: 'timeout' }, 'unknown'],
    ['a reply it cannot read', { replies: "('yes',)\n" }, 'unknown'],
  ] as const)('%s: %s', async (_name, bus, answer) => {
    await expect(gdbusTrayHost(fakeGdbus(bus).run)()).resolves.toBe(answer);
  });

  it('asks the watcher about hosts only when the watcher is there', async () => {
    const absent = fakeGdbus({ watcher: false });
    await gdbusTrayHost(absent.run)();
    expect(absent.calls).toEqual(['org.freedesktop.DBus.NameHasOwner']);
    const present = fakeGdbus({ watcher: true, hostRegistered: true });
    await gdbusTrayHost(present.run)();
    expect(present.calls).toEqual(['org.freedesktop.DBus.NameHasOwner', 'org.freedesktop.DBus.Properties.Get']);
  });
});

describe('the no-tray-host notice', () => {
  it('a host answers: no notice, and the next start asks again', async () => {
    const user = profile();
    const bus = fakeGdbus({ watcher: true, hostRegistered: true });
    await expect(user.start('linux', gdbusTrayHost(bus.run))).resolves.toBe('host');
    await user.start('linux', gdbusTrayHost(bus.run));
    expect(user.notices).toEqual([]);
    expect(bus.calls.filter((method) => method.endsWith('NameHasOwner'))).toHaveLength(2);
  });

  it('no host: ONE notice, remembered, not repeated on the next start (which does not ask)', async () => {
    const user = profile();
    const bus = fakeGdbus({ watcher: false });
    await expect(user.start('linux', gdbusTrayHost(bus.run))).resolves.toBe('told');
    await expect(user.start('linux', gdbusTrayHost(bus.run))).resolves.toBe('not-asked');
    expect(user.notices).toEqual([1]);
    expect(bus.calls).toHaveLength(1);
    // The log says why, with nothing of the user's in it.
    expect(user.logged).toEqual([expect.stringMatching(/No StatusNotifier host/)]);
  });

  it.each(['darwin', 'win32'])('%s: never asks the bus, never tells', async (platform) => {
    const user = profile();
    const bus = fakeGdbus({ watcher: false });
    await expect(user.start(platform, gdbusTrayHost(bus.run))).resolves.toBe('not-asked');
    expect(bus.calls).toEqual([]);
    expect(user.notices).toEqual([]);
  });

  it.each(['no-gdbus', 'no-session', 'timeout'] as const)(
    'a query that fails (%s): no notice, no rejection, and a later start may still tell',
    async (fails) => {
      const user = profile();
      await expect(user.start('linux', gdbusTrayHost(fakeGdbus({ fails }).run))).resolves.toBe('unknown');
      expect(user.notices).toEqual([]);
      await expect(user.start('linux', gdbusTrayHost(fakeGdbus({ watcher: false }).run))).resolves.toBe('told');
      expect(user.notices).toEqual([1]);
    },
  );

  it('a bus port that throws or rejects is a failed query, not a crash', async () => {
    const user = profile();
    await expect(user.start('linux', () => Promise.reject(new Error('bus gone')))).resolves.toBe('unknown');
    await expect(
      user.start('linux', () => {
        throw new Error('cannot spawn');
      }),
    ).resolves.toBe('unknown');
    expect(user.notices).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import {
  createNotifier,
  NOTIFICATION_HOLD_MS,
  type NotificationLike,
  type NotificationOptions,
  type OfferedNotice,
} from '../../main/desktop/notifications';
import type { ServerNotice } from '../../main/ports';

type Listener = (details?: { actionIndex?: number }) => void;

function notificationFactory(supported = true) {
  const created: Array<{
    options: NotificationOptions;
    shown: number;
    listeners: Map<string, Listener>;
  }> = [];
  return {
    created,
    factory: {
      isSupported: () => supported,
      create(options: NotificationOptions): NotificationLike {
        const record = { options, shown: 0, listeners: new Map<string, Listener>() };
        created.push(record);
        return {
          show: () => {
            record.shown += 1;
          },
          on: (event, listener) => record.listeners.set(event, listener),
        };
      },
    },
  };
}

describe('notifier', () => {
  it('shows a notification with title and body, click opens the popup', () => {
    const { created, factory } = notificationFactory();
    const onClick = vi.fn<() => void>();
    createNotifier(factory, onClick).notify('web-01 rebooted', 'Reboot finished in 42 s');
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toEqual({ title: 'web-01 rebooted', body: 'Reboot finished in 42 s' });
    expect(created[0]!.shown).toBe(1);
    created[0]!.listeners.get('click')!();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("a notification's own click replaces opening the popup (version X is ready: restart)", () => {
    const { created, factory } = notificationFactory();
    const openPopup = vi.fn<() => void>();
    const restart = vi.fn<() => void>();
    createNotifier(factory, openPopup).notify('Version 1.3.0 is ready', 'Restart to update', restart);
    created[0]!.listeners.get('click')!();
    expect(restart).toHaveBeenCalledTimes(1);
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('releases a notification that never closes (auto-dismissed) on click or after the hold time', () => {
    vi.useFakeTimers();
    try {
      const { created, factory } = notificationFactory();
      const notifier = createNotifier(factory, () => {});
      for (let index = 0; index < 3; index++) notifier.notify('VPS.org', `outcome ${index}`);
      expect(notifier.heldCount()).toBe(3);
      created[0]!.listeners.get('click')!();
      expect(notifier.heldCount()).toBe(2);
      created[1]!.listeners.get('close')!();
      expect(notifier.heldCount()).toBe(1);
      vi.advanceTimersByTime(NOTIFICATION_HOLD_MS - 1);
      expect(notifier.heldCount()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(notifier.heldCount()).toBe(0);
      // A late event after the release changes nothing.
      created[2]!.listeners.get('failed')!();
      expect(notifier.heldCount()).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing where notifications are not supported', () => {
    const { created, factory } = notificationFactory(false);
    createNotifier(factory).notify('a', 'b');
    expect(created).toHaveLength(0);
  });
});

const WEB = { accountId: 'acct', id: 7 };
const stoppedWeb: ServerNotice = { ref: WEB, serverName: 'web-01', offer: { action: 'start', label: 'Start' } };

/** A notifier on `platform` whose server clicks and button presses are recorded. */
function serverNotifier(platform: string) {
  const { created, factory } = notificationFactory();
  const openPopup = vi.fn<() => void>();
  const openServer = vi.fn<(ref: ServerNotice['ref']) => void>();
  const runAction = vi.fn<(notice: OfferedNotice) => void>();
  const notifier = createNotifier(factory, openPopup, { platform, openServer, runAction });
  return { created, notifier, openPopup, openServer, runAction };
}

describe('notifications about a server', () => {
  it.each(['darwin', 'win32'])(
    '%s: the offer is a button; pressing it runs the action ONCE, a click opens the server',
    (platform) => {
      const { created, notifier, openPopup, openServer, runAction } = serverNotifier(platform);
      notifier.notifyServer('web-01 needs attention', 'web-01 should be running but is stopped', stoppedWeb);
      expect(created[0]!.options).toEqual({
        title: 'web-01 needs attention',
        body: 'web-01 should be running but is stopped',
        actions: [{ type: 'button', text: 'Start' }],
      });
      // Electron 45 passes the details first (and the deprecated index after).
      created[0]!.listeners.get('action')!({ actionIndex: 0 });
      expect(runAction).toHaveBeenCalledTimes(1);
      expect(runAction).toHaveBeenCalledWith(stoppedWeb);
      expect(notifier.heldCount()).toBe(0);
      // A double activation (the button again, or the body after it) does nothing more.
      created[0]!.listeners.get('action')!({ actionIndex: 0 });
      created[0]!.listeners.get('click')!();
      expect(runAction).toHaveBeenCalledTimes(1);
      expect(openServer).not.toHaveBeenCalled();

      notifier.notifyServer('web-01 needs attention', 'again', stoppedWeb);
      created[1]!.listeners.get('click')!();
      expect(openServer).toHaveBeenCalledWith(WEB);
      expect(runAction).toHaveBeenCalledTimes(1);
      expect(openPopup).not.toHaveBeenCalled();
    },
  );

  it('linux: no button (libnotify shows none through Electron); the click opens the popup on the server', () => {
    const { created, notifier, openServer, runAction } = serverNotifier('linux');
    notifier.notifyServer('web-01 needs attention', 'web-01 should be running but is stopped', stoppedWeb);
    expect(created[0]!.options).toEqual({
      title: 'web-01 needs attention',
      body: 'web-01 should be running but is stopped',
    });
    created[0]!.listeners.get('click')!();
    created[0]!.listeners.get('click')!();
    expect(openServer).toHaveBeenCalledTimes(1);
    expect(openServer).toHaveBeenCalledWith(WEB);
    expect(runAction).not.toHaveBeenCalled();
  });

  it('a notice without an offer has no button anywhere; without openServer a click shows the popup', () => {
    const { created, factory } = notificationFactory();
    const openPopup = vi.fn<() => void>();
    createNotifier(factory, openPopup, { platform: 'darwin' }).notifyServer('VPS.org', 'web-01 rebooted', {
      ref: WEB,
      serverName: 'web-01',
    });
    expect(created[0]!.options.actions).toBeUndefined();
    created[0]!.listeners.get('click')!();
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('names from the API reach the OS without control or bidi characters; Linux bodies are escaped markup', () => {
    const hostile = 'web\u202Egnp.exe\u202C\u2066x\u2069\u200F-01\u0000\u001b[31m\r\n\u2028end';
    const mac = serverNotifier('darwin');
    mac.notifier.notifyServer(`${hostile} needs attention`, `${hostile} <b>&amp;</b>`, {
      ...stoppedWeb,
      serverName: hostile,
      offer: { action: 'start', label: 'Start\u202E' },
    });
    expect(mac.created[0]!.options).toEqual({
      title: 'webgnp.exex-01 [31m end needs attention',
      body: 'webgnp.exex-01 [31m end <b>&amp;</b>',
      actions: [{ type: 'button', text: 'Start' }],
    });
    mac.created[0]!.listeners.get('action')!({ actionIndex: 0 });
    // The dialog and the refusal that may follow name the server with the same clean text.
    expect(mac.runAction.mock.calls[0]![0].serverName).toBe('webgnp.exex-01 [31m end');

    const linux = serverNotifier('linux');
    linux.notifier.notify('<i>title</i>', `${hostile} <b>&amp;</b>`);
    expect(linux.created[0]!.options).toEqual({
      title: '<i>title</i>',
      body: 'webgnp.exex-01 [31m end &lt;b&gt;&amp;amp;&lt;/b&gt;',
    });
  });
});

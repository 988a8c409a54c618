import { describe, expect, it, vi } from 'vitest';
import { createNotifier, NOTIFICATION_HOLD_MS, type NotificationLike } from '../../main/desktop/notifications';

function notificationFactory(supported = true) {
  const created: Array<{
    options: { title: string; body: string };
    shown: number;
    listeners: Map<string, () => void>;
  }> = [];
  return {
    created,
    factory: {
      isSupported: () => supported,
      create(options: { title: string; body: string }): NotificationLike {
        const record = { options, shown: 0, listeners: new Map<string, () => void>() };
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

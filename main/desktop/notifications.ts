// Desktop notifications over an injected Notification factory (Electron's in the app, a fake in tests).
import type { Notifier } from '../ports';

export interface NotificationLike {
  show(): void;
  on(event: 'close' | 'failed' | 'click', listener: () => void): unknown;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
}

/**
 * How long a notification is held at most: auto-dismissed ones may never emit 'close', but one clicked
 * later in the notification centre still needs its click handler, so the hold is long. Notifications
 * come one per finished action, so an hour of them is a small set.
 */
export const NOTIFICATION_HOLD_MS = 60 * 60_000;

export interface NotifierOptions {
  /** Default NOTIFICATION_HOLD_MS. */
  holdMs?: number;
  /** Default the global timers; injectable for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface HeldNotifier extends Notifier {
  /** Notifications still referenced (shown and not yet released). */
  heldCount(): number;
}

/**
 * Keeps a reference to each notification while it may still be clicked: a garbage-collected
 * Notification loses its click handler and, on Windows, can vanish from the action centre early. It is
 * released on 'close', 'failed' or 'click', and after `holdMs` at the latest, since a notification the
 * OS dismissed by itself may emit none of them (the set would grow for the app's whole life).
 */
export function createNotifier(
  factory: NotificationFactory,
  onClick?: () => void,
  options: NotifierOptions = {},
): HeldNotifier {
  const holdMs = options.holdMs ?? NOTIFICATION_HOLD_MS;
  const setTimer =
    options.setTimer ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      // A held notification is no reason to keep the process alive.
      timer.unref?.();
      return timer;
    });
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const held = new Map<NotificationLike, unknown>();
  return {
    notify(title, body, onNotificationClick) {
      if (!factory.isSupported()) return;
      const notification = factory.create({ title, body });
      const release = () => {
        if (!held.has(notification)) return;
        clearTimer(held.get(notification));
        held.delete(notification);
      };
      held.set(notification, setTimer(release, holdMs));
      notification.on('close', release);
      notification.on('failed', release);
      notification.on('click', () => {
        release();
        (onNotificationClick ?? onClick)?.();
      });
      notification.show();
    },
    heldCount: () => held.size,
  };
}

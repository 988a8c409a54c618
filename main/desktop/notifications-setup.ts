// Desktop notifications (notifications.ts) over Electron's Notification.
import { Notification } from 'electron';
import type { Notifier } from '../ports';
import { createNotifier } from './notifications';

export function setupNotifier(deps: { onClick: () => void }): Notifier {
  return createNotifier(
    { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
    deps.onClick,
  );
}

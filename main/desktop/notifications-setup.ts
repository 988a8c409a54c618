// Desktop notifications (notifications.ts) over Electron's Notification: a click on one about a server
// opens the popup on it, and its button (macOS, Windows) runs the tray's power path.
import { Notification } from 'electron';
import type { Notifier } from '../ports';
import { createNotifier, type NotifierOptions } from './notifications';

export function setupNotifier(deps: {
  onClick: () => void;
  openServer: NonNullable<NotifierOptions['openServer']>;
  runAction: NonNullable<NotifierOptions['runAction']>;
}): Notifier {
  return createNotifier(
    { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
    deps.onClick,
    { platform: process.platform, openServer: deps.openServer, runAction: deps.runAction },
  );
}

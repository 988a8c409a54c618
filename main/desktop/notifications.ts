// Desktop notifications over an injected Notification factory (Electron's in the app, a fake in tests).
//
// A notification about a server opens the popup on that server when clicked, and may offer one button
// (Start, Retry). Electron 45 shows `actions: [{ type: 'button', text }]` on macOS and Windows and reports
// a press as the notification's 'action' event (`details.actionIndex`); Linux (libnotify) shows no
// actions through Electron, so there the click is the way to the server:
// https://www.electronjs.org/docs/latest/api/notification (constructor `actions`, event 'action') and
// https://www.electronjs.org/docs/latest/api/structures/notification-action ("button: macOS, Windows";
// on macOS only a signed app whose Info.plist sets NSUserNotificationAlertStyle to `alert` shows it).
// Windows gets the same `actions` rather than a hand-written `toastXml`: Electron builds the toast's XML
// itself, so no server name is ever spliced into XML here. `Notification.handleActivation` (win32) is
// not used: it serves activations of toasts whose object is gone (after a restart); those are held
// here for an hour, and an older toast's click just starts or shows the app.
import type { Notifier, ServerNotice } from '../ports';

/** What the app passes to Electron's Notification constructor. */
export interface NotificationOptions {
  title: string;
  body: string;
  actions?: Array<{ type: 'button'; text: string }>;
}

export interface NotificationLike {
  show(): void;
  /** 'action' passes Electron 45's details (`actionIndex`); the others pass nothing the app reads. */
  on(event: 'close' | 'failed' | 'click' | 'action', listener: (details?: { actionIndex?: number }) => void): unknown;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: NotificationOptions): NotificationLike;
}

/**
 * How long a notification is held at most: auto-dismissed ones may never emit 'close', but one clicked
 * later in the notification centre still needs its click handler, so the hold is long. Notifications
 * come one per finished action, so an hour of them is a small set.
 */
export const NOTIFICATION_HOLD_MS = 60 * 60_000;

/** Where Electron shows a notification's buttons. */
const BUTTON_PLATFORMS: ReadonlySet<string> = new Set(['darwin', 'win32']);

/** A server notice whose button was pressed. */
export type OfferedNotice = ServerNotice & { offer: NonNullable<ServerNotice['offer']> };

export interface NotifierOptions {
  /** Default NOTIFICATION_HOLD_MS. */
  holdMs?: number;
  /** Default the global timers; injectable for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** `process.platform` by default: whether buttons are offered, and how a body is written. */
  platform?: string;
  /** A click on a notification about a server. Default: the default click (showing the popup). */
  openServer?: (ref: ServerNotice['ref']) => void;
  /** A press of a notification's button (at most once per notification). */
  runAction?: (notice: OfferedNotice) => void;
}

export interface HeldNotifier extends Notifier {
  /** Notifications still referenced (shown and not yet released). */
  heldCount(): number;
}

// Server names are the API's text: no control characters (line breaks, escapes) and no bidirectional
// overrides or isolates (which can make "gnp.exe" read as "exe.png") reach the OS's notification UI.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;

/** Text safe for a native notification: controls become a space, bidirectional controls go. */
function plainNotificationText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').trim();
}

/** Linux notification servers read a body's `<b>`, `<a href>`, `&amp;` as markup (body-markup): escaped. */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Keeps a reference to each notification while it may still be clicked: a garbage-collected
 * Notification loses its click handler and, on Windows, can vanish from the action centre early. It is
 * released on 'close', 'failed', 'click' or 'action', and after `holdMs` at the latest, since a
 * notification the OS dismissed by itself may emit none of them (the set would grow for the app's whole
 * life). A notification is activated once: a second click or press (a double activation) does nothing.
 */
export function createNotifier(
  factory: NotificationFactory,
  onClick?: () => void,
  options: NotifierOptions = {},
): HeldNotifier {
  const holdMs = options.holdMs ?? NOTIFICATION_HOLD_MS;
  const platform = options.platform ?? process.platform;
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

  function show(
    content: { title: string; body: string; button?: string },
    handlers: { click: () => void; action?: () => void },
  ): void {
    if (!factory.isSupported()) return;
    const body = plainNotificationText(content.body);
    const notification = factory.create({
      title: plainNotificationText(content.title),
      body: platform === 'linux' ? escapeMarkup(body) : body,
      ...(content.button === undefined ? {} : { actions: [{ type: 'button', text: content.button }] }),
    });
    const release = () => {
      if (!held.has(notification)) return;
      clearTimer(held.get(notification));
      held.delete(notification);
    };
    let activated = false;
    const activate = (run: (() => void) | undefined) => () => {
      release();
      if (activated || !run) return;
      activated = true;
      run();
    };
    held.set(notification, setTimer(release, holdMs));
    notification.on('close', release);
    notification.on('failed', release);
    notification.on('click', activate(handlers.click));
    // One button: any index is it.
    notification.on('action', activate(handlers.action));
    notification.show();
  }

  return {
    notify(title, body, onNotificationClick) {
      show({ title, body }, { click: () => (onNotificationClick ?? onClick)?.() });
    },
    notifyServer(title, body, about) {
      const { offer } = about;
      const open = () => (options.openServer ? options.openServer(about.ref) : onClick?.());
      if (!offer || !BUTTON_PLATFORMS.has(platform)) {
        show({ title, body }, { click: open });
        return;
      }
      const label = plainNotificationText(offer.label);
      const notice: OfferedNotice = { ...about, serverName: plainNotificationText(about.serverName), offer };
      show({ title, body, button: label }, { click: open, action: () => options.runAction?.(notice) });
    },
    heldCount: () => held.size,
  };
}

// Whether the popup is open, and the view it was asked to open (the tray's Settings…). The request
// reaches the popup as `popupShown` when it opens, or in the bootstrap when its page was still loading
// (it missed the event); it lasts until the popup is hidden. The bootstrap is the page's one call before
// its first rows: the app, auth, settings and fleet as they are now, in one answer. On opening, the
// app's notices come with `popupShown` too (when there are any), for a page loaded before one was found.
import {
  EventChannel,
  InvokeChannel,
  type AppInfo,
  type AuthState,
  type EventContract,
  type FleetSnapshot,
  type RequestedView,
} from '../../common/contract';
import type { Settings } from '../../common/settings';
import type { EventListener } from '../event-bus';
import type { RouterHandlers } from '../ipc/router';
import { takesNoPayload, type PayloadValidators } from '../ipc/validators';

type PopupViewChannel = typeof InvokeChannel.popupBootstrap;

export const popupViewValidators: Pick<PayloadValidators, PopupViewChannel> = {
  [InvokeChannel.popupBootstrap]: takesNoPayload,
};

/** Where each part of the bootstrap comes from (the same answers as appInfo, authState, settingsGet, fleetSubscribe). */
interface BootstrapSources {
  info(): AppInfo;
  auth(): AuthState;
  settings(): Settings;
  fleet(): FleetSnapshot;
}

export interface PopupViewDeps {
  emit: EventListener<EventContract>;
  /** The popup was shown or hidden (the poll interval depends on it). */
  onOpenChanged: () => void;
  bootstrap: BootstrapSources;
}

export interface PopupView {
  handlers: Pick<RouterHandlers, PopupViewChannel>;
  isOpen(): boolean;
  /** On opening, the popup gets `popupShown` with the requested view, if any; hiding ends the request. */
  setOpen(open: boolean): void;
  requestView(view: RequestedView): void;
}

export function createPopupView(deps: PopupViewDeps): PopupView {
  let open = false;
  let requestedView: RequestedView | null = null;
  const { bootstrap } = deps;
  return {
    handlers: {
      // A page that was (re)created for this opening missed the popupShown event sent while it loaded.
      [InvokeChannel.popupBootstrap]: () => ({
        info: bootstrap.info(),
        auth: bootstrap.auth(),
        settings: bootstrap.settings(),
        view: requestedView,
        fleet: bootstrap.fleet(),
      }),
    },
    isOpen: () => open,
    setOpen(next) {
      const wasOpen = open;
      open = next;
      if (next && !wasOpen) {
        // A page loaded before a notice was found (an unsigned macOS build) gets it when it is shown.
        const { notices } = bootstrap.info();
        deps.emit(EventChannel.popupShown, { view: requestedView, ...(notices.length > 0 ? { notices } : {}) });
      }
      if (!next) requestedView = null;
      deps.onOpenChanged();
    },
    requestView(view) {
      requestedView = view;
      if (open) deps.emit(EventChannel.popupShown, { view });
    },
  };
}

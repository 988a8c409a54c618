// Whether the popup is open, and the view it was asked to open (the tray's Settings…). The request
// reaches the popup as `popupShown` when it opens, or in the ready handshake when its page was still
// loading (it missed the event); it lasts until the popup is hidden.
import { EventChannel, InvokeChannel, type EventContract, type RequestedView } from '../../common/contract';
import type { EventListener } from '../event-bus';
import type { RouterHandlers } from '../ipc/router';
import { takesNoPayload, type PayloadValidators } from '../ipc/validators';

type PopupViewChannel = typeof InvokeChannel.popupReady;

export const popupViewValidators: Pick<PayloadValidators, PopupViewChannel> = {
  [InvokeChannel.popupReady]: takesNoPayload,
};

export interface PopupViewDeps {
  emit: EventListener<EventContract>;
  /** The popup was shown or hidden (the poll interval depends on it). */
  onOpenChanged: () => void;
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
  return {
    handlers: {
      // A page that was (re)created for this opening missed the popupShown event sent while it loaded.
      [InvokeChannel.popupReady]: () => ({ view: requestedView }),
    },
    isOpen: () => open,
    setOpen(next) {
      const wasOpen = open;
      open = next;
      if (next && !wasOpen) deps.emit(EventChannel.popupShown, { view: requestedView });
      if (!next) requestedView = null;
      deps.onOpenChanged();
    },
    requestView(view) {
      requestedView = view;
      if (open) deps.emit(EventChannel.popupShown, { view });
    },
  };
}

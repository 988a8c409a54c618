// The global shortcut's status for the popup (Settings shows it): the desktop edge registers the
// shortcut (desktop/global-shortcut.ts) and reports here how that went; the popup asks for it and
// hears each change.
import { isDeepStrictEqual } from 'node:util';
import { EventChannel, InvokeChannel, type EventContract, type ShortcutStatus } from '../../common/contract';
import type { EventListener } from '../event-bus';
import type { RouterHandlers } from '../ipc/router';
import { takesNoPayload, type PayloadValidators } from '../ipc/validators';

type ShortcutChannel = typeof InvokeChannel.shortcutStatus;

export const shortcutValidators: Pick<PayloadValidators, ShortcutChannel> = {
  [InvokeChannel.shortcutStatus]: takesNoPayload,
};

export interface ShortcutFeature {
  handlers: Pick<RouterHandlers, ShortcutChannel>;
  /** The desktop edge's latest outcome; the popup hears it only when it differs. */
  report(status: ShortcutStatus): void;
}

export function createShortcutFeature(deps: { emit: EventListener<EventContract> }): ShortcutFeature {
  // Until the desktop edge reports (and where there is none: the harness, the tests).
  let status: ShortcutStatus = { state: 'off' };
  return {
    handlers: { [InvokeChannel.shortcutStatus]: () => status },
    report(next) {
      if (isDeepStrictEqual(next, status)) return;
      status = next;
      deps.emit(EventChannel.shortcutChanged, next);
    },
  };
}

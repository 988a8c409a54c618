// Which view the popup shows, the list's current row, what Escape closes, and the popup being shown
// again from the tray.
import { batch, signal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { PopupShown } from '../../common/contract';
import { refKey, type ServerRef } from '../../common/servers';
import { refOf } from './fleet';
import type { LiveFleet } from './live-fleet';
import type { Power } from './power';
import { readOnly } from './read-only';

export type View =
  | { name: 'list' }
  | { name: 'detail'; key: string; ref: ServerRef }
  | { name: 'edit'; key: string; ref: ServerRef }
  | { name: 'create' }
  | { name: 'settings' };

/** Something just done that the list mentions once (e.g. where a new token was stored). */
export type Flash = { kind: 'token-stored'; backend: string };

export interface NavigationDeps {
  bridge: VpsBridge;
  fleet: Pick<LiveFleet, 'find'>;
  power: Pick<Power, 'cancelConfirmation'>;
}

export function createNavigation({ bridge, fleet, power }: NavigationDeps) {
  const view = signal<View>({ name: 'list' });
  /** The list's current row (the one in the tab order), kept across views. */
  const activeKey = signal<string | null>(null);
  const flash = signal<Flash | null>(null);
  /** Bumped each time the popup is shown, so the UI can move focus. */
  const shownCount = signal(0);
  // Escape closes the innermost open thing first: components push a closer while open.
  const escapeLayers: Array<() => void> = [];

  /** Opens a view; an open confirmation and the flash belong to the view left, so they close. */
  function navigate(next: View): void {
    batch(() => {
      power.cancelConfirmation();
      flash.value = null;
      view.value = next;
    });
  }

  /** One server in full; its row becomes the list's current one. */
  function openDetail(key: string): void {
    const target = fleet.find(key);
    if (!target) return;
    activeKey.value = key;
    navigate({ name: 'detail', key, ref: refOf(target) });
  }

  return {
    view: readOnly(view),
    activeKey: readOnly(activeKey),
    flash: readOnly(flash),
    shownCount: readOnly(shownCount),
    navigate,

    openDetail,

    setActiveKey(key: string): void {
      activeKey.value = key;
    },

    /** Back to the list at once, keeping the flash (signed out, or another account). */
    resetToList(): void {
      view.value = { name: 'list' };
    },

    /** The list mentions `next` once: until the user moves on, or dismisses it. */
    showFlash(next: Flash): void {
      flash.value = next;
    },
    dismissFlash(): void {
      flash.value = null;
    },

    /** While open, `close` takes Escape before anything further out; returns the removal. */
    pushEscapeLayer(close: () => void): () => void {
      escapeLayers.push(close);
      return () => {
        const index = escapeLayers.lastIndexOf(close);
        if (index >= 0) escapeLayers.splice(index, 1);
      };
    },

    /** Escape: the innermost layer, then the inline confirmation, then the view, then the popup. */
    escape(): void {
      const layer = escapeLayers.at(-1);
      if (layer) {
        layer();
        return;
      }
      if (power.cancelConfirmation()) return;
      const current = view.value;
      if (current.name === 'edit') navigate({ name: 'detail', key: current.key, ref: current.ref });
      else if (current.name !== 'list') navigate({ name: 'list' });
      else void bridge.popup.hide();
    },

    /**
     * The popup was shown. A requested view (the tray's Settings…) is opened; without one the current
     * view stays, so a half-filled form is not lost. Settings open without an account too (the language
     * must be reachable on first run); the form drafts are kept in storage, the token input never.
     * `search` (the global shortcut) goes to the list, closing an open confirmation: the user is
     * looking for a server, and the shell focuses the search box. A server (a click on a notification
     * about it) opens its detail, which makes it the list's current row too (Escape goes back to the
     * list, on that row); one the popup does not know (gone since) leaves the view as it is. (Even its
     * own edit form is left for its detail: the draft is kept, and the budget of the start bundle
     * leaves no room for the exception.)
     */
    showPopup(shown: PopupShown): void {
      batch(() => {
        if (shown.view === 'settings' && view.value.name !== 'settings') navigate({ name: 'settings' });
        if (shown.view === 'search') navigate({ name: 'list' });
        if (typeof shown.view == 'object' && shown.view) openDetail(refKey(shown.view.server));
        shownCount.value++;
      });
    },
  };
}

export type Navigation = ReturnType<typeof createNavigation>;

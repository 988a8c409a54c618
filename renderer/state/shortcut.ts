// The global shortcut as main registered it (or why it could not): Settings show it next to the field.
// Asked for when Settings first open; kept current by main's events from the start.
import { signal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { ShortcutStatus } from '../../common/contract';
import { readOnly } from './read-only';

export function createShortcutState(bridge: VpsBridge) {
  const status = signal<ShortcutStatus | null>(null);
  return {
    /** null until main answered. */
    status: readOnly(status),
    adopt(next: ShortcutStatus): void {
      status.value = next;
    },
    /** Asks main once; an event that came first is newer and stays. */
    async load(): Promise<void> {
      if (status.value !== null) return;
      const result = await bridge.shortcut.status();
      if (result.ok && status.value === null) status.value = result.value;
    },
  };
}

export type ShortcutState = ReturnType<typeof createShortcutState>;

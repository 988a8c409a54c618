// The app's own updates as main reports them (the state Settings shows): asked for when Settings opens,
// then followed through main's updatesChanged events.
import { signal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { UpdateState } from '../../common/contract';
import { readOnly } from './read-only';

export function createUpdates(bridge: VpsBridge) {
  const state = signal<UpdateState | null>(null);
  return {
    /** null until main answered. */
    state: readOnly(state),
    adopt(next: UpdateState): void {
      state.value = next;
    },
    async load(): Promise<void> {
      const result = await bridge.updates.state();
      if (result.ok) state.value = result.value;
    },
  };
}

export type Updates = ReturnType<typeof createUpdates>;

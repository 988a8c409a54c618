// A piece of main's state the popup shows but does not change (the global shortcut's registration, the
// app's updates): asked for when a view first needs it, and kept current by main's events from the start.
import { signal } from '@preact/signals';
import type { Result } from '../../common/contract';
import { readOnly } from './read-only';

export function createMainState<T>(ask: () => Promise<Result<T>>) {
  const current = signal<T | null>(null);
  return {
    /** null until main answered or told. */
    current: readOnly(current),
    adopt(next: T): void {
      current.value = next;
    },
    /** Asks main once; an event that came first (or meanwhile) is newer and stays. */
    async load(): Promise<void> {
      if (current.value !== null) return;
      const result = await ask();
      if (result.ok && current.value === null) current.value = result.value;
    },
  };
}

import type { ReadonlySignal, Signal } from '@preact/signals';

/** A signal as views see it: they read it; writes go through the state layer's named functions. */
export function readOnly<T>(source: Signal<T>): ReadonlySignal<T> {
  return source;
}

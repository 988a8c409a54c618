// Components whose code is fetched when first needed: each is a chunk of its own (the bundler splits
// at `import()`), so the JS loaded at start stays within its budget (scripts/build.ts). Once fetched,
// a component renders at once, like any other.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Lazy<P> {
  /** The component once its code is here; null before. */
  readonly component: ComponentType<P> | null;
  /** Fetches the code; later calls share the first fetch (a failed one is tried again). */
  load(): Promise<ComponentType<P>>;
}

/** `importer` is an `import()` of the component's module, e.g. `() => import('./X').then((m) => m.X)`. */
export function lazy<P>(importer: () => Promise<ComponentType<P>>): Lazy<P> {
  let fetching: Promise<ComponentType<P>> | null = null;
  const handle: { component: ComponentType<P> | null; load(): Promise<ComponentType<P>> } = {
    component: null,
    load() {
      fetching ??= importer().then(
        (component) => (handle.component = component),
        (error: unknown) => {
          fetching = null;
          throw error;
        },
      );
      return fetching;
    },
  };
  return handle;
}

/** What `useArrived` needs of a lazy component, whatever its props: is it here, and how to fetch it. */
export interface Fetchable {
  readonly component: unknown;
  load(): Promise<unknown>;
}

/**
 * Fetches `code` (null: nothing to fetch) and re-renders when it arrives. True once it is here: until
 * then the caller keeps showing what it showed, so nothing flickers and focus stays where it was.
 */
export function useArrived(code: Fetchable | null): boolean {
  const [, setArrivals] = useState(0);
  const missing = code !== null && code.component === null;
  useEffect(() => {
    if (!missing || !code) return;
    let current = true;
    void code.load().then(() => {
      if (current) setArrivals((count) => count + 1);
    });
    return () => {
      current = false;
    };
  }, [code, missing]);
  return !missing;
}

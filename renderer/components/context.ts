import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { AppStore } from '../state/store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <App>');
  return store;
}

/** While `active`, Escape calls `close` before anything further out (views, the popup). */
export function useEscapeLayer(active: boolean, close: () => void): void {
  const store = useStore();
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => (active ? store.pushEscapeLayer(() => closeRef.current()) : undefined), [active, store]);
}

// The page's one store, handed to every component through context (set up by <App>).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppStore } from '../state/store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <App>');
  return store;
}

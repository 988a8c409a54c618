// The popup's root: the store, handed to every component through context, around the shell.
import { h } from 'preact';
import { StoreContext } from '../hooks/use-store';
import type { AppStore } from '../state/store';
import { Shell } from './Shell';

export function App({ store }: { store: AppStore }) {
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}

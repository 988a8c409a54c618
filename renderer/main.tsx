// Entry of the popup page: one store over the preload bridge, one render.
// Every .tsx file of the popup uses the classic JSX runtime (the pragmas below each file's header):
// `h(type, props, ...children)` calls are smaller than the automatic runtime's `jsx(type, { children })`,
// and the popup's JS has a size budget (scripts/build.ts).
/** @jsxRuntime classic */
/** @jsx h */
import { h, render } from 'preact';
import { App } from './components/App';
import type { KeyValueStorage } from './state/local';
import { createAppStore } from './state/store';

/** The page's localStorage; reading the property throws where storage is denied (opaque origins). */
function pageStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const root = document.getElementById('app');
if (root) {
  const store = createAppStore(window.vps, { storage: pageStorage() });
  render(<App store={store} />, root);
  void store.start();
}

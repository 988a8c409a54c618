// Entry of the popup page: one store over the preload bridge, one render, then the code of the views
// not shown at first (views/lazy.ts).
// JSX compiles to classic `h(...)` calls (scripts/bundles.ts, tsconfig.web.json), so every .tsx imports `h`.
// First: it sends the bootstrap's message before the rest of the code below runs.
import { earlyBootstrap } from './early-bootstrap';
import { h, render } from 'preact';
import { App } from './shell/App';
import type { KeyValueStorage } from './state/local';
import { createAppStore } from './state/store';
import { preloadViews } from './views/lazy';

/** The page's localStorage; reading the property throws where storage is denied (opaque origins). */
function pageStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Resolves once the next frame has been painted: a task queued from its animation frame runs after it. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const root = document.getElementById('app');
if (root) {
  const store = createAppStore(window.vps, { storage: pageStorage(), bootstrap: earlyBootstrap });
  // The bootstrap's message left first (./early-bootstrap): main answers while the page renders.
  // Once the first view is painted, the code of the other views is fetched when the page is next idle,
  // so that opening another is instant without the chunks' loading delaying the first rows. (Idle alone
  // could come before that paint: the page is idle while it waits for the frame.)
  void store
    .start()
    .then(afterNextPaint)
    .then(() => requestIdleCallback(preloadViews, { timeout: 1000 }));
  render(<App store={store} />, root);
}

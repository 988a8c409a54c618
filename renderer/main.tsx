// Entry of the popup page: one store over the preload bridge, one render.
import { render } from 'preact';
import { App } from './components/App';
import { createAppStore } from './state/store';

const root = document.getElementById('app');
if (root) {
  const store = createAppStore(window.vps);
  render(<App store={store} />, root);
  void store.start();
}

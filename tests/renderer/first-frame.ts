// A popup as the page starts it, for tests of its first frame: the bootstrap answered, then rendered
// at once, its effects not yet run, and no view code fetched ahead (unlike ./dom.ts's popups, which
// fetch every view's as the page does once it is up).
import { h, render } from 'preact';
import type { ServerView } from '../../common/contract';
import { App } from '../../renderer/shell/App';
import { createMemoryStorage } from '../../renderer/state/local';
import { createAppStore } from '../../renderer/state/store';
import { makeServer } from '../support/fixtures';
import { queryAllByRole, getByRole } from './dom';
import { createFakeBridge, makeView, type FakeBridge } from './fake-bridge';

const mounted: Array<() => void> = [];

/** Unmounts every popup rendered by `firstFrame` (call after each test). */
export function unmountAll(): void {
  for (const unmount of mounted.splice(0)) unmount();
}

/** The popup started (bootstrap answered), then rendered at once: its first frame, effects not yet run. */
export async function firstFrame(init: ServerView[] | FakeBridge): Promise<HTMLElement> {
  const fake = Array.isArray(init) ? createFakeBridge({ servers: init }) : init;
  const store = createAppStore(fake.bridge, { storage: createMemoryStorage() });
  await store.start();
  const root = document.createElement('div');
  document.body.append(root);
  render(h(App, { store }), root);
  mounted.push(() => {
    render(null, root);
    store.dispose();
    root.remove();
  });
  return root;
}

export const rowsOf = (root: HTMLElement): HTMLElement[] =>
  queryAllByRole(getByRole(root, 'list', 'Servers'), 'listitem');
export const named = (count: number): ServerView[] =>
  Array.from({ length: count }, (_, index) =>
    makeView(makeServer(index + 1, { name: `node-${String(index + 1).padStart(2, '0')}` })),
  );

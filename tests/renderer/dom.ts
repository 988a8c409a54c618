// Small hand-written DOM helpers for component tests: render the app over a fake bridge, flush
// Preact, and find elements the way a user (or a screen reader) would: by role and accessible name.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll } from 'vitest';
import { App } from '../../renderer/shell/App';
import { createMemoryStorage } from '../../renderer/state/local';
import { createAppStore, type AppStore, type AppStoreOptions } from '../../renderer/state/store';
import { preloadViews } from '../../renderer/views/lazy';
import { createFakeBridge, type FakeBridge, type FakeBridgeInit } from './fake-bridge';

export interface Rendered {
  store: AppStore;
  fake: FakeBridge;
  root: HTMLElement;
  unmount: () => void;
}

/**
 * Renders the whole popup over a fake bridge and waits for startup to settle, and (as the page does
 * after start, renderer/main.tsx) for the code of the views fetched when first opened.
 */
async function renderApp(init: FakeBridgeInit | FakeBridge = {}, options: AppStoreOptions = {}): Promise<Rendered> {
  const fake = 'bridge' in init ? init : createFakeBridge(init);
  // Each render gets its own storage unless a test shares one (to prove drafts outlive a window).
  const store = createAppStore(fake.bridge, { storage: createMemoryStorage(), ...options });
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(h(App, { store }), root);
    await store.start();
    await preloadViews();
  });
  await settle();
  return {
    store,
    fake,
    root,
    unmount: () => {
      render(null, root);
      store.dispose();
      root.remove();
    },
  };
}

export interface PopupUnderTest {
  /** Renders the popup (see `renderApp`); it is unmounted after the test unless the test did it. */
  render: typeof renderApp;
  /** The popup rendered last in this test. */
  current(): Rendered;
}

/**
 * The popups of a test file: each one rendered is unmounted after its test, so no store, timer or
 * listener outlives it. Call once at the top of the file (it registers the afterEach).
 */
export function popupUnderTest(): PopupUnderTest {
  let mounted: Rendered[] = [];
  // The lazy views' code is compiled on first import: once per file, like its static imports, so
  // that it does not count against the first test's time.
  beforeAll(() => preloadViews());
  afterEach(() => {
    for (const rendered of mounted) rendered.unmount();
    mounted = [];
  });
  return {
    async render(init, options) {
      const rendered = await renderApp(init, options);
      let unmounted = false;
      // A test may unmount (to open the popup again); the afterEach then leaves it alone.
      const once: Rendered = {
        ...rendered,
        unmount: () => {
          if (unmounted) return;
          unmounted = true;
          rendered.unmount();
        },
      };
      mounted.push(once);
      return once;
    },
    current() {
      const last = mounted.at(-1);
      if (!last) throw new Error('no popup rendered in this test');
      return last;
    },
  };
}

/** Lets pending promises (bridge answers) and Preact renders run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await act(async () => {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    });
  }
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement)
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return true;
  return false;
}

function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(visibleText).join('');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The accessible name, as far as these components need: aria-label(ledby), <label for>, content. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return normalise(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy)
    return normalise(
      labelledBy
        .split(' ')
        .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  if (element.id) {
    const forLabel = element.ownerDocument.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return normalise(forLabel.textContent ?? '');
  }
  if (element.matches('button, h1, h2, h3, h4, a, li, option')) return normalise(visibleText(element));
  return '';
}

function roleOf(element: Element): string {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  const tag = element.tagName.toLowerCase();
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'checkbox') return 'checkbox';
    if (type === 'search') return 'searchbox';
    if (type === 'number') return 'spinbutton';
    return 'textbox';
  }
  const implicit: Record<string, string> = {
    button: 'button',
    select: 'combobox',
    ul: 'list',
    li: 'listitem',
    h1: 'heading',
    h2: 'heading',
    h3: 'heading',
    option: 'option',
    form: 'form',
    section: 'region',
    main: 'main',
    header: 'banner',
  };
  return implicit[tag] ?? '';
}

export function queryAllByRole(container: Element, role: string, name?: string | RegExp): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('*')].filter((element) => {
    if (roleOf(element) !== role || isHidden(element)) return false;
    if (name === undefined) return true;
    const actual = accessibleName(element);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

export function getByRole(container: Element, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(container, role, name);
  if (found.length !== 1)
    throw new Error(
      `expected one ${role} named ${String(name)}, found ${found.length}. Present: ${queryAllByRole(container, role)
        .map(accessibleName)
        .join(' | ')}`,
    );
  return found[0]!;
}

export function queryByRole(container: Element, role: string, name?: string | RegExp): HTMLElement | null {
  return queryAllByRole(container, role, name)[0] ?? null;
}

export function hasText(container: Element, text: string | RegExp): boolean {
  const content = normalise(container.textContent ?? '');
  return typeof text === 'string' ? content.includes(text) : text.test(content);
}

/** A click with no pointer (`detail` 0), as Enter or Space on a focused button makes one. */
export async function click(element: HTMLElement): Promise<void> {
  await act(() => {
    element.click();
  });
  await settle();
}

/** A click of the mouse (`detail` 1: the first click at that spot). */
export async function pointerClick(element: HTMLElement): Promise<void> {
  await act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
  });
  await settle();
}

export async function typeInto(element: HTMLElement, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement))
    throw new Error('typeInto needs an input or select');
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(select: HTMLElement, value: string): Promise<void> {
  if (!(select instanceof HTMLSelectElement)) throw new Error('choose needs a select');
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export async function blur(element: HTMLElement): Promise<void> {
  await act(() => {
    element.dispatchEvent(new FocusEvent('blur'));
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
  await settle();
}

/** A clock for `scheduleLater`: nothing runs until the test says so (no real-time waits). */
export function createManualScheduler() {
  const pending: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  return {
    scheduleLater(run: () => void, ms: number): () => void {
      const entry = { run, ms, cancelled: false };
      pending.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    /** Delays asked for and not cancelled, oldest first. */
    get waiting(): number[] {
      return pending.filter((entry) => !entry.cancelled).map((entry) => entry.ms);
    },
    /** Runs everything due (all that is waiting), as if its time had come. */
    async runAll(): Promise<void> {
      const due = pending.splice(0).filter((entry) => !entry.cancelled);
      await act(() => {
        for (const entry of due) entry.run();
      });
      await settle();
    },
  };
}

export async function press(element: Element, key: string): Promise<void> {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await settle();
}

// Where focus goes in the server list when what held it goes away: a confirmation closed (confirm,
// cancel, Escape), an action's button gone with the status it needed, a notice dismissed, a row
// re-sorted (moving a focused node in the DOM drops its focus). The last control focused in a row is
// remembered as (row key, control name); when focus falls to <body> without the user putting it
// elsewhere, it comes back to that control, or the nearest thing that stands for it: a closed
// confirmation's action button, then the row itself.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

interface FocusedControl {
  key: string;
  /** The control's data-control: main, action:<action>, confirm:<action>, cancel:<action>, dismiss. */
  control: string;
}

/** The control names to try, the closest stand-in first. */
function standIns(control: string): string[] {
  const [kind, action] = control.split(':');
  if ((kind === 'confirm' || kind === 'cancel') && action) return [control, `action:${action}`, 'main'];
  return control === 'main' ? ['main'] : [control, 'main'];
}

function rowOf(list: HTMLElement, key: string): HTMLElement | null {
  for (const row of list.children) if (row instanceof HTMLElement && row.dataset.key === key) return row;
  return null;
}

function controlIn(row: HTMLElement, control: string): HTMLElement | null {
  for (const name of standIns(control)) {
    const found = row.querySelector<HTMLElement>(`[data-control="${name}"]`);
    if (found) return found;
  }
  return null;
}

const focusIsLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

export interface RowFocusOptions {
  listRef: RefObject<HTMLElement | null>;
  /** The row is not rendered (virtual list): make it the current row, which always is. */
  bringIntoDom: (key: string) => boolean;
  /** Focus or the pointer entered (`true`) or left a row. */
  onEngage: (key: string, on: boolean) => void;
}

/** Keeps focus in the list across re-renders. */
export function useRowFocus({ listRef, bringIntoDom, onEngage }: RowFocusOptions): void {
  const last = useRef<FocusedControl | null>(null);

  function restore(): void {
    const list = listRef.current;
    const wanted = last.current;
    if (!list || !wanted || !focusIsLost()) return;
    const row = rowOf(list, wanted.key);
    if (row) controlIn(row, wanted.control)?.focus();
    else if (!bringIntoDom(wanted.key)) last.current = null;
  }

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const row = target?.closest<HTMLElement>('li[data-key]');
      if (!target || !row?.dataset.key) return;
      last.current = { key: row.dataset.key, control: target.dataset.control ?? 'main' };
      onEngage(row.dataset.key, true);
    };
    const onFocusOut = (event: FocusEvent) => {
      const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('li[data-key]') : null;
      const key = row?.dataset.key;
      const next = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      if (next) {
        if (key !== undefined && !row!.contains(next)) onEngage(key, false);
        // Focus put elsewhere on purpose: nothing to bring back.
        if (!list.contains(next)) last.current = null;
        return;
      }
      // Focus dropped with its element (a removal): back once the DOM settled; the row lets go only if
      // focus did not come back into it.
      queueMicrotask(() => {
        restore();
        if (key !== undefined && !row!.contains(document.activeElement)) onEngage(key, false);
      });
    };
    // A click outside the list puts focus where the user wanted it, even on nothing.
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !list.contains(event.target)) last.current = null;
    };
    list.addEventListener('focusin', onFocusIn);
    list.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);

  // After every render of the list: a focused node it removed or moved leaves focus on <body>.
  useLayoutEffect(restore);
}

// The list's first frame carries only what it shows: the rows in view (the rows beyond, for scrolling,
// come once it is painted), and not the code of the list's notes, fetched when there is one to show
// (no match, no server; a server just deleted: list-deleted-note.test.ts).
// No view code is fetched ahead here (unlike tests/renderer/dom.ts's popups), as in a page that has just
// started.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyViews } from '../../../renderer/views/lazy';
import { click, getByRole, hasText, press, settle, typeInto } from '../dom';
import { firstFrame, named, rowsOf, unmountAll } from '../first-frame';

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

describe('the list’s first frame', () => {
  it('has the rows in view; the rows beyond come once it is painted, and the keyboard reaches them', async () => {
    const root = await firstFrame(named(40));
    // No layout here: the list's height is its fallback, 400 px, rows of 60 px.
    const first = rowsOf(root).map((row) => row.querySelector('.row-name')?.textContent);
    expect(first).toEqual(['node-01', 'node-02', 'node-03', 'node-04', 'node-05', 'node-06', 'node-07']);

    await settle();
    const after = rowsOf(root).map((row) => row.querySelector('.row-name')?.textContent);
    expect(after.slice(0, 7)).toEqual(first);
    expect(after.length).toBeGreaterThan(first.length);

    const active = root.querySelector<HTMLElement>('.row-main[tabindex="0"]')!;
    active.focus();
    for (let step = 0; step < 9; step++) await press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.textContent).toContain('node-10');
  });

  it('does not fetch the notes’ code for a list with rows; a search that matches nothing brings it, with its way out', async () => {
    const load = vi.spyOn(lazyViews.listNotes, 'load');
    const root = await firstFrame(named(3));
    await settle();
    expect(rowsOf(root)).toHaveLength(3);
    expect(load).not.toHaveBeenCalled();

    const search = getByRole(root, 'searchbox', 'Search servers');
    await typeInto(search, 'no-such-server');
    await vi.waitFor(() => expect(hasText(root, 'No server matches.')).toBe(true));
    expect(load).toHaveBeenCalled();

    await click(getByRole(root, 'button', 'Clear filters'));
    expect(rowsOf(root)).toHaveLength(3);
    expect(document.activeElement).toBe(search);
  });
});

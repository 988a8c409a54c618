// A server deleted from its detail view is said on the list as it comes back, in a page that has not
// fetched the list notes' code (the first rows do not: list-first-frame.test.ts). A file of its own:
// the notes' code, once fetched, stays for the module's life.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvokeChannel } from '../../../common/contract';
import { click, getByRole, hasText, settle, typeInto } from '../dom';
import { createFakeBridge, ok } from '../fake-bridge';
import { firstFrame, named, rowsOf, unmountAll } from '../first-frame';

afterEach(unmountAll);

describe('a server just deleted', () => {
  it('says a server was deleted when the list comes back, the notes’ code not fetched before', async () => {
    const fake = createFakeBridge({ servers: named(3) });
    fake.handle(InvokeChannel.serversDelete, () => ok(null));
    const root = await firstFrame(fake);
    await settle();
    await click(rowsOf(root)[1]!.querySelector<HTMLElement>('.row-main')!);
    await vi.waitFor(() => getByRole(root, 'button', 'Delete'));
    await click(getByRole(root, 'button', 'Delete'));
    await typeInto(getByRole(root, 'textbox', 'Type node-02 to confirm'), 'node-02');
    await click(getByRole(root, 'button', 'Delete permanently'));
    await vi.waitFor(() => expect(hasText(root, 'node-02 was deleted.')).toBe(true));
    expect(getByRole(root, 'list', 'Servers')).toBeTruthy();
  });
});

// Settings' "Copy diagnostics": main builds and copies the text; the popup sends only the tick (server
// names left out unless ticked) and confirms "Copied", or says why it failed.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../../../common/contract';
import { createFakeBridge, fail, WEB_01 } from '../../fake-bridge';
import { click, getByRole, popupUnderTest } from '../../dom';

const popup = popupUnderTest();

describe('settings: copy diagnostics', () => {
  it('copies without server names by default, with them when ticked, and confirms each time', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    const tick = getByRole(root, 'checkbox', 'Include server names') as HTMLInputElement;
    expect(tick.checked).toBe(false);
    await click(getByRole(root, 'button', 'Copy diagnostics'));
    expect(getByRole(root, 'status').textContent).toBe('Copied');
    await click(tick);
    await click(getByRole(root, 'button', 'Copy diagnostics'));
    expect(fake.callsTo(InvokeChannel.diagnosticsCopy)).toEqual([
      { includeServerNames: false },
      { includeServerNames: true },
    ]);
    // The text never passes through the popup: nothing went over the plain clipboard channel.
    expect(fake.callsTo(InvokeChannel.clipboardWrite)).toEqual([]);
  });

  it('says why copying failed', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.diagnosticsCopy, () => fail({ kind: 'internal', message: 'clipboard busy' }));
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    await click(getByRole(root, 'button', 'Copy diagnostics'));
    expect(getByRole(root, 'alert').textContent).toBe('Something went wrong inside the app. Please try again.');
  });
});

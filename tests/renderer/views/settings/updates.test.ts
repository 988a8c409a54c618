// Settings and the app's own updates: the automatic-check switch, where updating stands (or why it is
// not possible here), followed live as main reports it.
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { EventChannel, InvokeChannel } from '../../../../common/contract';
import { createFakeBridge, WEB_01 } from '../../fake-bridge';
import { click, getByRole, hasText, popupUnderTest, settle } from '../../dom';

const popup = popupUnderTest();

describe('settings: updates', () => {
  it('switches automatic checks off and shows where updating stands, live', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    await settle();
    const box = getByRole(root, 'checkbox', 'Check for updates automatically') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await click(box);
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([{ autoUpdate: false }]);
    expect(hasText(root, 'You’re up to date.')).toBe(true);
    await act(() =>
      fake.emit(EventChannel.updatesChanged, { unavailable: null, phase: 'ready', version: '1.3.0', checkedAt: 1 }),
    );
    expect(hasText(root, 'Version 1.3.0 is ready: restart to update (tray menu).')).toBe(true);
  });

  it('says why this installation does not update itself', async () => {
    const fake = createFakeBridge({
      servers: [WEB_01],
      updates: { unavailable: 'package-manager', phase: 'idle', version: null, checkedAt: null },
    });
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    await settle();
    expect(hasText(root, 'Updates: installed through your package manager.')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel, type ShortcutStatus } from '../../common/contract';
import { createShortcutFeature } from '../../main/features/shortcut';

describe('shortcut feature', () => {
  it('answers the last status reported; the popup hears only changes', () => {
    const heard: unknown[] = [];
    const shortcut = createShortcutFeature({
      emit: (channel, payload) => void (channel === EventChannel.shortcutChanged && heard.push(payload)),
    });
    const status = () => shortcut.handlers[InvokeChannel.shortcutStatus](undefined);
    expect(status()).toEqual({ state: 'off' });
    const taken: ShortcutStatus = { state: 'failed', accelerator: 'Ctrl+Alt+K', reason: 'taken' };
    shortcut.report(taken);
    shortcut.report({ ...taken });
    shortcut.report({ state: 'active', accelerator: 'Alt+Shift+F9' });
    expect(status()).toEqual({ state: 'active', accelerator: 'Alt+Shift+F9' });
    expect(heard).toEqual([taken, { state: 'active', accelerator: 'Alt+Shift+F9' }]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { createPopupView } from '../../main/features/popup-view';

function setup() {
  const shown: unknown[] = [];
  const onOpenChanged = vi.fn<() => void>();
  const view = createPopupView({
    emit: (channel, payload) => void (channel === EventChannel.popupShown && shown.push(payload)),
    onOpenChanged,
  });
  return { view, shown, onOpenChanged };
}

describe('popup view', () => {
  it('tells the poller of every opening and hiding; only an opening sends popupShown', () => {
    const t = setup();
    t.view.setOpen(true);
    t.view.setOpen(true);
    t.view.setOpen(false);
    expect(t.view.isOpen()).toBe(false);
    expect(t.onOpenChanged).toHaveBeenCalledTimes(3);
    expect(t.shown).toEqual([{ view: null }]);
  });

  it('answers the ready handshake with the view requested until the popup is hidden', () => {
    const t = setup();
    const ready = t.view.handlers[InvokeChannel.popupReady];
    t.view.requestView('settings');
    expect(t.shown).toEqual([]);
    expect(ready(undefined)).toEqual({ view: 'settings' });
    t.view.setOpen(true);
    expect(t.shown).toEqual([{ view: 'settings' }]);
    t.view.setOpen(false);
    expect(ready(undefined)).toEqual({ view: null });
  });

  it('a server asked for (a notification clicked) reaches an open popup at once, and a loading one in the handshake', () => {
    const t = setup();
    const ready = t.view.handlers[InvokeChannel.popupReady];
    const server = { accountId: 'acct', id: 7 };
    t.view.setOpen(true);
    t.view.requestView({ server });
    expect(t.shown).toEqual([{ view: null }, { view: { server } }]);
    expect(ready(undefined)).toEqual({ view: { server } });
  });
});

// The tray's Settings… reaches the popup as `popupShown { view: 'settings' }`: whether the popup was
// hidden, already open, or its page is being created anew (which missed the event while loading).
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { invoke, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

describe('popupShown and requested views', () => {
  it('a normal opening keeps the current view (view null)', async () => {
    const h = await startHarness();
    h.core.setPopupOpen(true);
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: null }]);
  });

  it('a view requested before showing travels with the opening', async () => {
    const h = await startHarness();
    h.core.requestView('settings');
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([]);
    h.core.setPopupOpen(true);
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }]);
  });

  it('a view requested while open is sent at once', async () => {
    const h = await startHarness();
    h.core.setPopupOpen(true);
    h.core.requestView('settings');
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: null }, { view: 'settings' }]);
  });

  it('a page still loading gets the request in the ready handshake; asking for the auth state has no effect', async () => {
    const h = await startHarness();
    h.core.requestView('settings');
    h.core.setPopupOpen(true);
    await invoke(h, InvokeChannel.authState);
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }]);
    expect(await invoke(h, InvokeChannel.popupReady)).toEqual({ ok: true, value: { view: 'settings' } });
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }]);
  });

  it('hiding the popup ends the request: the next opening and page load keep the current view', async () => {
    const h = await startHarness();
    h.core.requestView('settings');
    h.core.setPopupOpen(true);
    h.core.setPopupOpen(false);
    h.core.setPopupOpen(true);
    expect(await invoke(h, InvokeChannel.popupReady)).toEqual({ ok: true, value: { view: null } });
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }, { view: null }]);
  });
});

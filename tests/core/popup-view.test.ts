// The tray's Settings… reaches the popup as `popupShown { view: 'settings' }`: whether the popup was
// hidden, already open, or its page is being created anew (which missed the event while loading).
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { invoke, okValue, useHarnessPerTest } from './harness';

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

  it('a page still loading gets the request in its bootstrap; asking for the auth state has no effect', async () => {
    const h = await startHarness();
    h.core.requestView('settings');
    h.core.setPopupOpen(true);
    await invoke(h, InvokeChannel.authState);
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }]);
    expect(await invoke(h, InvokeChannel.popupBootstrap)).toMatchObject({ ok: true, value: { view: 'settings' } });
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }]);
  });

  it('hiding the popup ends the request: the next opening and page load keep the current view', async () => {
    const h = await startHarness();
    h.core.requestView('settings');
    h.core.setPopupOpen(true);
    h.core.setPopupOpen(false);
    h.core.setPopupOpen(true);
    expect(await invoke(h, InvokeChannel.popupBootstrap)).toMatchObject({ ok: true, value: { view: null } });
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: 'settings' }, { view: null }]);
  });

  it('the bootstrap answers, in one call, what appInfo, authState, settingsGet and fleetSubscribe answer', async () => {
    const h = await startHarness({ servers: 12 });
    const boot = okValue(await invoke(h, InvokeChannel.popupBootstrap));
    expect(boot).toEqual({
      info: okValue(await invoke(h, InvokeChannel.appInfo)),
      auth: okValue(await invoke(h, InvokeChannel.authState)),
      settings: okValue(await invoke(h, InvokeChannel.settingsGet)),
      view: null,
      fleet: okValue(await invoke(h, InvokeChannel.fleetSubscribe)),
    });
    expect(boot).toMatchObject({ auth: { mode: 'token' }, fleet: { status: { loaded: true } } });
    expect((boot as { fleet: { servers: unknown[] } }).fleet.servers).toHaveLength(12);
  });

  it('the bootstrap takes no payload', async () => {
    const h = await startHarness();
    expect(await invoke(h, InvokeChannel.popupBootstrap, { view: 'settings' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-payload' },
    });
  });
});

describe('a notice found after start (an unsigned macOS build)', () => {
  const unsigned = { code: 'notifications-unsigned' as const, version: '1.4.0' };

  it('reaches a page loaded before it when the popup is next shown, and every later bootstrap, once', async () => {
    const h = await startHarness();
    h.core.setPopupOpen(true);
    h.core.setPopupOpen(false);
    h.core.addNotice(unsigned);
    h.core.addNotice(unsigned);
    h.core.setPopupOpen(true);
    expect(h.eventsOf(EventChannel.popupShown)).toEqual([{ view: null }, { view: null, notices: [unsigned] }]);
    expect(await invoke(h, InvokeChannel.popupBootstrap)).toMatchObject({
      ok: true,
      value: { info: { notices: [unsigned] } },
    });
    expect(await invoke(h, InvokeChannel.appInfo)).toMatchObject({ ok: true, value: { notices: [unsigned] } });
  });
});

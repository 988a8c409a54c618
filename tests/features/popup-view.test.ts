import { describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { createPopupView } from '../../main/features/popup-view';
import { defaultSettings } from '../../main/settings/schema';

const INFO = { version: '1.2.3', platform: 'linux', systemLocale: 'cs-CZ', notices: [] };

function setup() {
  const shown: unknown[] = [];
  const onOpenChanged = vi.fn<() => void>();
  const view = createPopupView({
    emit: (channel, payload) => void (channel === EventChannel.popupShown && shown.push(payload)),
    onOpenChanged,
    bootstrap: {
      info: () => INFO,
      auth: () => ({ mode: 'none' }),
      settings: () => defaultSettings(),
      fleet: () => ({ servers: [], status: { lastSuccessAt: null, stale: null, refreshing: false, loaded: false } }),
    },
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

  it('answers the bootstrap with the view requested until the popup is hidden, and the sources as they are', () => {
    const t = setup();
    const ready = t.view.handlers[InvokeChannel.popupBootstrap];
    t.view.requestView('settings');
    expect(t.shown).toEqual([]);
    expect(ready(undefined)).toMatchObject({ view: 'settings', info: INFO, auth: { mode: 'none' } });
    t.view.setOpen(true);
    expect(t.shown).toEqual([{ view: 'settings' }]);
    t.view.setOpen(false);
    expect(ready(undefined)).toMatchObject({ view: null, settings: defaultSettings() });
  });

  it('a server asked for (a notification clicked) reaches an open popup at once, and a loading one in the handshake', () => {
    const t = setup();
    const ready = t.view.handlers[InvokeChannel.popupBootstrap];
    const server = { accountId: 'acct', id: 7 };
    t.view.setOpen(true);
    t.view.requestView({ server });
    expect(t.shown).toEqual([{ view: null }, { view: { server } }]);
    expect(ready(undefined)).toMatchObject({ view: { server } });
  });
});

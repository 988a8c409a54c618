// The navigation state alone, without a DOM: what Escape closes, in order, and what a view change
// leaves behind.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../../common/contract';
import { createNavigation } from '../../../renderer/state/navigation';
import { createFakeBridge, makeView } from '../fake-bridge';
import { makeServer } from '../../support/fixtures';

function setUp() {
  const fake = createFakeBridge();
  const web = makeView(makeServer(1, { name: 'web-01' }));
  let confirmationOpen = false;
  const navigation = createNavigation({
    bridge: fake.bridge,
    fleet: { find: (key) => (key === web.key ? web : undefined) },
    power: {
      cancelConfirmation: () => {
        const wasOpen = confirmationOpen;
        confirmationOpen = false;
        return wasOpen;
      },
    },
  });
  return { fake, web, navigation, openConfirmation: () => (confirmationOpen = true) };
}

describe('navigation', () => {
  it('Escape closes the innermost layer, then the confirmation, then Edit, the view, and the popup', () => {
    const { fake, web, navigation, openConfirmation } = setUp();
    navigation.openDetail(web.key);
    navigation.navigate({ name: 'edit', key: web.key, ref: { accountId: web.accountId, id: 1 } });
    const closed: string[] = [];
    const removeOuter = navigation.pushEscapeLayer(() => closed.push('outer'));
    const removeInner = navigation.pushEscapeLayer(() => closed.push('inner'));
    openConfirmation();

    navigation.escape();
    expect(closed).toEqual(['inner']);
    removeInner();
    navigation.escape();
    expect(closed).toEqual(['inner', 'outer']);
    removeOuter();

    navigation.escape();
    expect(navigation.view.value.name).toBe('edit');
    navigation.escape();
    expect(navigation.view.value).toEqual({ name: 'detail', key: web.key, ref: { accountId: web.accountId, id: 1 } });
    navigation.escape();
    expect(navigation.view.value).toEqual({ name: 'list' });
    expect(fake.callsTo(InvokeChannel.popupHide)).toHaveLength(0);
    navigation.escape();
    expect(fake.callsTo(InvokeChannel.popupHide)).toHaveLength(1);
  });

  it('opening a server makes its row the current one; an unknown one opens nothing', () => {
    const { web, navigation } = setUp();
    navigation.openDetail('acct:404');
    expect(navigation.view.value).toEqual({ name: 'list' });
    expect(navigation.activeKey.value).toBeNull();
    navigation.openDetail(web.key);
    expect(navigation.view.value.name).toBe('detail');
    expect(navigation.activeKey.value).toBe(web.key);
  });

  it('a view change drops the flash; going back to the list after a sign-out keeps it', () => {
    const { navigation } = setUp();
    navigation.showFlash({ kind: 'token-stored', backend: 'keychain' });
    navigation.resetToList();
    expect(navigation.flash.value).toEqual({ kind: 'token-stored', backend: 'keychain' });
    navigation.navigate({ name: 'settings' });
    expect(navigation.flash.value).toBeNull();
  });

  it('a popup shown with Settings asked for opens Settings; without, the view stays', () => {
    const { navigation } = setUp();
    navigation.navigate({ name: 'create' });
    navigation.showPopup({ view: null });
    expect(navigation.view.value.name).toBe('create');
    navigation.showPopup({ view: 'settings' });
    expect(navigation.view.value.name).toBe('settings');
    expect(navigation.shownCount.value).toBe(2);
  });

  it('a popup shown for a server (a notification clicked) opens its detail and makes it the current row', () => {
    const { web, navigation, openConfirmation } = setUp();
    const ref = { accountId: web.accountId, id: 1 };
    navigation.navigate({ name: 'settings' });
    openConfirmation();
    navigation.showPopup({ view: { server: ref } });
    expect(navigation.view.value).toEqual({ name: 'detail', key: web.key, ref });
    expect(navigation.activeKey.value).toBe(web.key);
    expect(navigation.shownCount.value).toBe(1);
    // Escape goes back to the list, on that row.
    navigation.escape();
    expect(navigation.view.value).toEqual({ name: 'list' });
    expect(navigation.activeKey.value).toBe(web.key);
  });

  it('a server the popup does not know (gone since) leaves the view as it is', () => {
    const { web, navigation } = setUp();
    navigation.navigate({ name: 'create' });
    navigation.showPopup({ view: { server: { accountId: web.accountId, id: 404 } } });
    expect(navigation.view.value.name).toBe('create');
    expect(navigation.activeKey.value).toBeNull();
    expect(navigation.shownCount.value).toBe(1);
  });
});

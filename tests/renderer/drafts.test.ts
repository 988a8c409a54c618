// No lost work: half-filled Create and Edit forms outlive navigation and a new popup window (drafts in
// the page's storage), and are gone after a successful save or an explicit Cancel. Never the token.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { createMemoryStorage } from '../../renderer/state/local';
import { DEMO_AUTH, createFakeBridge, loadedStatus, makeView, ok } from './fake-bridge';
import { click, getByRole, hasText, press, queryByRole, settle, typeInto, popupUnderTest } from './dom';
import { makeDetail, makeServer } from '../support/fixtures';

const popup = popupUnderTest();

const web = makeServer(1, { name: 'web-01', hostname: 'web01.example.com' });
const db = makeServer(2, { name: 'db-01', hostname: 'db01.example.com' });

const input = (name: string) => getByRole(popup.current().root, 'textbox', name) as HTMLInputElement;
const header = () => popup.current().root.querySelector('header')!;

async function fillCreate(): Promise<void> {
  await click(getByRole(header(), 'button', 'New server'));
  await typeInto(input('Name'), 'half-done');
  await typeInto(input('Hostname (optional)'), 'half.example.com');
}

describe('create draft', () => {
  it('survives going to Settings and back', async () => {
    const rendered = await popup.render({ servers: [makeView(web)] });
    await fillCreate();
    await click(getByRole(header(), 'button', 'Settings'));
    expect(queryByRole(rendered.root, 'textbox', 'Name')).toBeNull();
    await click(getByRole(header(), 'button', 'New server'));
    expect(input('Name').value).toBe('half-done');
    expect(input('Hostname (optional)').value).toBe('half.example.com');
    expect(hasText(rendered.root, 'Your unsaved changes were restored.')).toBe(true);
  });

  it('survives a new popup window (the old one destroyed), and Escape keeps it', async () => {
    const storage = createMemoryStorage();
    const first = await popup.render({ servers: [makeView(web)] }, { storage });
    await fillCreate();
    await press(document.body, 'Escape');
    expect(queryByRole(first.root, 'list', 'Servers')).not.toBeNull();
    first.unmount();

    await popup.render({ servers: [makeView(web)] }, { storage });
    await click(getByRole(header(), 'button', 'New server'));
    expect(input('Name').value).toBe('half-done');
    expect(input('Hostname (optional)').value).toBe('half.example.com');
  });

  it('is cleared by Cancel, and by a successful create', async () => {
    const storage = createMemoryStorage();
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversCreate, (request) => ok(makeView(makeServer(9, { name: request.name }))));
    const rendered = await popup.render(fake, { storage });
    await fillCreate();
    await click(getByRole(rendered.root, 'button', 'Cancel'));
    await click(getByRole(header(), 'button', 'New server'));
    expect(input('Name').value).toBe('');
    expect(hasText(rendered.root, 'Your unsaved changes were restored.')).toBe(false);
    expect(storage.size).toBe(0);

    await typeInto(input('Name'), 'web-09');
    expect(storage.size).toBe(1);
    await click(getByRole(rendered.root, 'button', 'Create server'));
    expect(fake.callsTo(InvokeChannel.serversCreate)).toHaveLength(1);
    expect(storage.size).toBe(0);
    await click(getByRole(header(), 'button', 'New server'));
    expect(input('Name').value).toBe('');
  });

  it('never keeps the token input', async () => {
    const storage = createMemoryStorage();
    const rendered = await popup.render({ auth: { mode: 'none' } }, { storage });
    await typeInto(input('API token'), 'secret-token-value');
    await click(getByRole(header(), 'button', 'Settings'));
    await click(getByRole(rendered.root, 'button', 'Back'));
    expect(input('API token').value).toBe('');
    expect(storage.size).toBe(0);
  });
});

async function openEdit(name: string): Promise<void> {
  await click(
    getByRole(popup.current().root, 'list', 'Servers').querySelector<HTMLElement>(
      `li[data-key] .row-main[title="${name}"]`,
    )!,
  );
  await click(getByRole(popup.current().root, 'button', 'Edit'));
}

describe('edit draft', () => {
  it('is kept per server across navigation and windows; Cancel discards it', async () => {
    const storage = createMemoryStorage();
    const servers = [makeView(web), makeView(db)];
    const first = await popup.render({ servers }, { storage });
    await openEdit('web-01');
    await typeInto(input('Hostname'), 'www.example.org');
    await click(getByRole(header(), 'button', 'Settings'));
    first.unmount();

    const rendered = await popup.render({ servers }, { storage });
    await openEdit('db-01');
    // Another server's draft does not leak into this form.
    expect(input('Hostname').value).toBe('db01.example.com');
    await press(document.body, 'Escape');
    await press(document.body, 'Escape');
    await openEdit('web-01');
    expect(input('Hostname').value).toBe('www.example.org');
    expect(input('Name').value).toBe('web-01');
    expect(hasText(rendered.root, 'Your unsaved changes were restored.')).toBe(true);

    await click(getByRole(rendered.root, 'button', 'Cancel'));
    await click(getByRole(rendered.root, 'button', 'Edit'));
    expect(input('Hostname').value).toBe('web01.example.com');
  });

  it('is cleared by a successful save', async () => {
    const storage = createMemoryStorage();
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversReplace, ({ input: body }) => ok(makeDetail({ ...web, ...body })));
    const rendered = await popup.render(fake, { storage });
    await openEdit('web-01');
    await typeInto(input('Hostname'), 'www.example.org');
    expect(storage.size).toBe(1);
    await click(getByRole(rendered.root, 'button', 'Save'));
    expect(fake.callsTo(InvokeChannel.serversReplace)).toEqual([
      {
        ref: { accountId: 'acct', id: 1 },
        input: { name: 'web-01', hostname: 'www.example.org', backups_enabled: true },
      },
    ]);
    expect(storage.size).toBe(0);
  });
});

const editKey = (serverKey: string) => `vps-tray:draft:edit:${serverKey}`;

const createKey = (accountId: string) => `vps-tray:draft:create:${accountId}`;

describe('drafts are dropped with their server or account', () => {
  const keptDraft = JSON.stringify({ name: 'kept', hostname: 'kept.example.com', backups_enabled: true });

  /** Storage holding drafts of acct's web-01 and db-01 and acct's Create form. */
  function storageWithDrafts() {
    const storage = createMemoryStorage();
    storage.setItem(editKey('acct:1'), keptDraft);
    storage.setItem(editKey('acct:2'), keptDraft);
    storage.setItem(createKey('acct'), JSON.stringify({ name: 'half' }));
    return storage;
  }

  it('drops the edit draft of a server removed from the fleet, and only its', async () => {
    const storage = storageWithDrafts();
    const fake = createFakeBridge({ servers: [makeView(web), makeView(db)] });
    await popup.render(fake, { storage });
    await act(() =>
      fake.emit(EventChannel.fleetChanged, { upserted: [], removed: ['acct:1'], status: loadedStatus() }),
    );
    await settle();
    expect(storage.getItem(editKey('acct:1'))).toBeNull();
    expect(storage.getItem(editKey('acct:2'))).toBe(keptDraft);
    expect(storage.getItem(createKey('acct'))).not.toBeNull();
  });

  it('drops the drafts of servers that were deleted while no popup was open', async () => {
    const storage = storageWithDrafts();
    await popup.render({ servers: [makeView(db)] }, { storage });
    expect(storage.getItem(editKey('acct:1'))).toBeNull();
    expect(storage.getItem(editKey('acct:2'))).toBe(keptDraft);
  });

  it('keeps the drafts while the first list has not arrived yet', async () => {
    const storage = storageWithDrafts();
    await popup.render({ servers: [], status: loadedStatus({ loaded: false, lastSuccessAt: null }) }, { storage });
    expect(storage.getItem(editKey('acct:1'))).toBe(keptDraft);
  });

  it('drops the draft of a server the user deletes', async () => {
    const storage = createMemoryStorage();
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversDelete, () => ok(null));
    const rendered = await popup.render(fake, { storage });
    await openEdit('web-01');
    await typeInto(input('Hostname'), 'www.example.org');
    expect(storage.getItem(editKey('acct:1'))).not.toBeNull();
    await press(document.body, 'Escape');
    await click(getByRole(rendered.root, 'button', 'Delete'));
    await typeInto(input('Type web-01 to confirm'), 'web-01');
    await click(getByRole(rendered.root, 'button', 'Delete permanently'));
    expect(fake.callsTo(InvokeChannel.serversDelete)).toEqual([
      { ref: { accountId: 'acct', id: 1 }, confirmName: 'web-01' },
    ]);
    expect(storage.getItem(editKey('acct:1'))).toBeNull();
  });

  it('drops every draft on sign-out', async () => {
    const storage = storageWithDrafts();
    storage.setItem('vps-tray:notices:dismissed', '[]');
    const fake = createFakeBridge({ servers: [makeView(web), makeView(db)] });
    fake.handle(InvokeChannel.tokenClear, () => ok({ mode: 'none' }));
    const rendered = await popup.render(fake, { storage });
    await click(getByRole(header(), 'button', 'Settings'));
    await click(getByRole(rendered.root, 'button', 'Sign out of VPS.org'));
    await click(getByRole(rendered.root, 'button', 'Sign out'));
    expect(fake.callsTo(InvokeChannel.tokenClear)).toHaveLength(1);
    expect(storage.size).toBe(1);
    expect(storage.getItem('vps-tray:notices:dismissed')).toBe('[]');
  });

  it('drops the previous account’s drafts when another account signs in', async () => {
    const storage = storageWithDrafts();
    const fake = createFakeBridge({ servers: [makeView(web), makeView(db)] });
    await popup.render(fake, { storage });
    await act(() => fake.emit(EventChannel.authChanged, DEMO_AUTH));
    await settle();
    expect(storage.size).toBe(0);
  });

  it('keeps the drafts when the keychain is only locked (the token is kept too)', async () => {
    const storage = storageWithDrafts();
    await popup.render(
      { auth: { mode: 'none', notice: { code: 'keychain-unavailable', message: 'Keychain locked.' } } },
      { storage },
    );
    expect(storage.size).toBe(3);
  });

  it('drops the drafts when the stored token is gone', async () => {
    const storage = storageWithDrafts();
    await popup.render(
      { auth: { mode: 'none', notice: { code: 'token-rejected', message: 'Rejected.' } } },
      { storage },
    );
    expect(storage.size).toBe(0);
  });
});

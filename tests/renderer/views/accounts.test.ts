// Several accounts in the popup: one merged list with each row's account, a filter by account, a
// failing account shown with its reason while the others' servers stay, and the Settings section that
// adds (keeping what was typed when the token is refused), renames and removes accounts.
import { describe, expect, it } from 'vitest';
import { InvokeChannel, type AccountState, type AuthState, type ServerView } from '../../../common/contract';
import { defaultSettings } from '../../../main/settings/schema';
import { makeServer } from '../../support/fixtures';
import { TOKEN_AUTH, createFakeBridge, fail, loadedStatus, ok } from '../fake-bridge';
import {
  accessibleName,
  choose,
  click,
  getByRole,
  hasText,
  queryAllByRole,
  queryByRole,
  typeInto,
  popupUnderTest,
} from '../dom';

const popup = popupUnderTest();

const view = (accountId: string, id: number, name: string): ServerView => ({
  key: `${accountId}:${id}`,
  accountId,
  server: makeServer(id, { name, status: 'active' }),
  pending: null,
});

const SERVERS = [view('work', 1, 'web-01'), view('work', 2, 'db-01'), view('client', 1, 'shop-01')];

const KEYCHAIN = { backend: 'keychain', persisted: true };

function twoAccounts(extra: Partial<{ clientNotice: boolean; more: AccountState[] }> = {}): AuthState {
  const client: AccountState = { id: 'client', label: 'Client', storage: KEYCHAIN };
  if (extra.clientNotice) client.notice = { code: 'token-rejected', message: 'rejected' };
  return {
    mode: 'token',
    account: { id: 'work', label: 'Work', baseUrl: 'https://admin.vps.org/api/v1' },
    storage: KEYCHAIN,
    accounts: [{ id: 'work', label: 'Work', storage: KEYCHAIN }, client, ...(extra.more ?? [])],
  };
}

const rowTexts = (root: HTMLElement, listName = 'Servers') =>
  queryAllByRole(getByRole(root, 'list', listName), 'listitem').map(
    (row) => `${row.querySelector('.row-name')?.textContent} ${row.querySelector('.row-account')?.textContent ?? ''}`,
  );

describe('several accounts in the list', () => {
  it('shows one merged list with the account on each row, and filters by account', async () => {
    const { root } = await popup.render({ servers: SERVERS, auth: twoAccounts() });
    expect(rowTexts(root).toSorted()).toEqual(['db-01 Work · ', 'shop-01 Client · ', 'web-01 Work · ']);
    const filter = getByRole(root, 'combobox', 'Account');
    expect(filter.tabIndex).not.toBe(-1);
    await choose(filter, 'client');
    expect(rowTexts(root)).toEqual(['shop-01 Client · ']);
    expect(hasText(root, '1 of 3 servers')).toBe(true);
    await choose(filter, '');
    expect(rowTexts(root)).toHaveLength(3);
  });

  it('two servers of the same name on two accounts: every row control is named with its account', async () => {
    const twins = [view('work', 1, 'web-01'), view('client', 7, 'web-01'), view('work', 2, 'db-01')];
    const fake = createFakeBridge({ servers: twins, auth: twoAccounts() });
    fake.handle(InvokeChannel.serversReboot, () =>
      fail({ kind: 'conflict', status: 409, message: 'busy', apiText: 'Server is busy' }),
    );
    const { root } = await popup.render(fake);
    const names = (name: string) =>
      queryAllByRole(getByRole(root, 'list', 'Servers'), 'button')
        .map((button) => accessibleName(button))
        .filter((label) => label.includes(name));
    // The row's own button says the account already (its text); the power buttons say it in their name.
    expect(names('Reboot web-01').toSorted()).toEqual(['Reboot web-01 (Client)', 'Reboot web-01 (Work)']);
    expect(names('Stop web-01').toSorted()).toEqual(['Stop web-01 (Client)', 'Stop web-01 (Work)']);
    // A name no other server has stays short.
    expect(names('Reboot db-01')).toEqual(['Reboot db-01']);
    const rowMains = names('web-01').filter((label) => label.startsWith('web-01'));
    expect(new Set(rowMains).size).toBe(2);
    // The confirmation and a message's Dismiss are told apart too.
    await click(getByRole(root, 'button', 'Reboot web-01 (Client)'));
    expect(getByRole(root, 'group', 'Reboot web-01 (Client)?')).toBeTruthy();
    await click(getByRole(getByRole(root, 'group', 'Reboot web-01 (Client)?'), 'button', 'Reboot'));
    expect(getByRole(root, 'button', 'Dismiss the message about web-01 (Client)')).toBeTruthy();
    const all = queryAllByRole(getByRole(root, 'list', 'Servers'), 'button').map((button) => accessibleName(button));
    expect(new Set(all).size).toBe(all.length);
  });

  it('one account: no account filter and no label on rows', async () => {
    const { root } = await popup.render({ servers: [SERVERS[0]!], auth: TOKEN_AUTH });
    expect(queryByRole(root, 'combobox', 'Account')).toBeNull();
    expect(root.querySelector('.row-account')).toBeNull();
  });

  it('a failing account is shown with its reason; the other accounts servers stay', async () => {
    const failing = loadedStatus({
      stale: { kind: 'rate-limited', message: 'Too many requests', since: 1, status: 429 },
    });
    const { root } = await popup.render({
      servers: SERVERS,
      auth: twoAccounts(),
      accountStatuses: { work: loadedStatus(), client: failing },
    });
    const banners = root.querySelectorAll('[data-testid="account-trouble"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]!.textContent).toMatch(/^⚠ Client: /);
    expect(rowTexts(root)).toHaveLength(3);
  });

  it('an account whose token was rejected says so, in Czech too', async () => {
    const { root } = await popup.render({
      servers: SERVERS.slice(0, 2),
      auth: twoAccounts({ clientNotice: true }),
      settings: { ...defaultSettings(), language: 'cs' },
    });
    expect(hasText(root, 'Client: VPS.org odmítlo jeho token.')).toBe(true);
    expect(rowTexts(root, 'Servery')).toEqual(['db-01 Work · ', 'web-01 Work · ']);
  });
});

describe('a rejected token while the other account is unreachable', () => {
  it('the list says VPS.org is unreachable once, and still names the account whose token was rejected', async () => {
    // The rejected account's session has ended (no status of its own); the other one is offline, so the
    // overall status is stale.
    const offline = loadedStatus({ stale: { kind: 'network', message: 'offline', since: 1 } });
    const { root } = await popup.render({
      servers: SERVERS.slice(0, 2),
      auth: twoAccounts({ clientNotice: true }),
      status: offline,
      accountStatuses: { work: offline },
    });
    expect(root.querySelectorAll('[data-testid="stale-banner"]')).toHaveLength(1);
    const banners = [...root.querySelectorAll('[data-testid="account-trouble"]')].map((banner) => banner.textContent);
    expect(banners).toEqual([expect.stringMatching(/^⚠ Client: /)]);
  });
});

describe('the accounts section in Settings', () => {
  it('adds an account; a rejected token is a field error and the form keeps what was typed', async () => {
    const fake = createFakeBridge({ servers: SERVERS, auth: twoAccounts() });
    fake.handle(InvokeChannel.accountAdd, () =>
      fail({
        kind: 'bad-request',
        message: 'Some fields are not valid.',
        fieldViolations: { token: ['token-rejected'] },
      }),
    );
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    const label = getByRole(root, 'textbox', 'Account name') as HTMLInputElement;
    const token = getByRole(root, 'textbox', 'API token') as HTMLInputElement;
    // Checked here first: a taken name (any case) and an empty token send nothing.
    await typeInto(label, 'work');
    await click(getByRole(root, 'button', 'Add account'));
    expect(hasText(root, 'Another account already has this name.')).toBe(true);
    expect(fake.callsTo(InvokeChannel.accountAdd)).toHaveLength(0);

    await typeInto(label, 'Personal');
    await typeInto(token, 'vps_wrong_token');
    await click(getByRole(root, 'button', 'Add account'));
    expect(fake.callsTo(InvokeChannel.accountAdd)).toEqual([{ label: 'Personal', token: 'vps_wrong_token' }]);
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(hasText(root, 'VPS.org did not accept this token.')).toBe(true);
    expect(label.value).toBe('Personal');
    expect(token.value).toBe('vps_wrong_token');

    const added = twoAccounts({ more: [{ id: 'p', label: 'Personal' }] });
    fake.handle(InvokeChannel.accountAdd, () => ok(added));
    await typeInto(token, 'vps_right_token');
    await click(getByRole(root, 'button', 'Add account'));
    expect(hasText(root, 'Saved.')).toBe(true);
    expect(token.value).toBe('');
    expect(root.querySelectorAll('.account-item')).toHaveLength(3);
  });

  it('renames inline and removes after a confirmation', async () => {
    const fake = createFakeBridge({ servers: SERVERS, auth: twoAccounts() });
    const renamed = twoAccounts();
    if (renamed.mode === 'token') renamed.accounts![1]!.label = 'Acme';
    fake.handle(InvokeChannel.accountRename, () => ok(renamed));
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    const client = root.querySelector<HTMLElement>('[data-account="client"]')!;
    await click(getByRole(client, 'button', 'Rename'));
    const input = getByRole(client, 'textbox', 'Account name') as HTMLInputElement;
    await typeInto(input, ' Acme ');
    await click(getByRole(client, 'button', 'Save'));
    expect(fake.callsTo(InvokeChannel.accountRename)).toEqual([{ id: 'client', label: 'Acme' }]);
    expect(root.querySelector('[data-account="client"] .account-label')?.textContent).toBe('Acme');

    const removed = twoAccounts();
    if (removed.mode === 'token') removed.accounts!.pop();
    fake.handle(InvokeChannel.accountRemove, () => ok(removed));
    const item = root.querySelector<HTMLElement>('[data-account="client"]')!;
    await click(getByRole(item, 'button', 'Sign out of Acme'));
    expect(fake.callsTo(InvokeChannel.accountRemove)).toHaveLength(0);
    expect(
      hasText(item, 'Sign out of Acme? Its token is forgotten on this computer and its servers leave the list.'),
    ).toBe(true);
    await click(getByRole(item, 'button', 'Sign out'));
    expect(fake.callsTo(InvokeChannel.accountRemove)).toEqual([{ id: 'client' }]);
    expect(root.querySelector('[data-account="client"]')).toBeNull();
    expect(getByRole(root, 'status').textContent).toBe('Signed out of Acme.');
  });
});

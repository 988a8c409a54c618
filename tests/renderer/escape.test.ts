// Escape closes the innermost open thing, one layer per press: confirmation -> inline form -> view ->
// the popup itself. Main no longer swallows Escape, so this is what the user gets in Electron too.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import { makeView } from './fake-bridge';
import { click, getByRole, press, queryByRole, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

const web = makeServer(1, { name: 'web-01' });

const root = () => popup.current().root;
const hides = () => popup.current().fake.callsTo(InvokeChannel.popupHide).length;
const escape = () => press(document.activeElement ?? document.body, 'Escape');
const onList = () => queryByRole(root(), 'list', 'Servers') !== null;
const header = () => root().querySelector('header')!;

describe('Escape layers', () => {
  it('list row: confirmation, then the popup', async () => {
    await popup.render({ servers: [makeView(web)] });
    await click(getByRole(root(), 'button', 'Reboot web-01'));
    await escape();
    expect(queryByRole(root(), 'group', 'Reboot web-01?')).toBeNull();
    expect(onList()).toBe(true);
    expect(hides()).toBe(0);
    await escape();
    expect(hides()).toBe(1);
  });

  it('detail: confirmation, then the view, then the popup', async () => {
    await popup.render({ servers: [makeView(web)] });
    await click(root().querySelector<HTMLElement>('.row-main')!);
    await click(getByRole(root(), 'button', 'Stop web-01'));
    expect(getByRole(root(), 'group', 'Stop web-01?')).toBeTruthy();
    await escape();
    expect(queryByRole(root(), 'group', 'Stop web-01?')).toBeNull();
    expect(getByRole(root(), 'heading', 'web-01')).toBeTruthy();
    await escape();
    expect(onList()).toBe(true);
    expect(hides()).toBe(0);
    await escape();
    expect(hides()).toBe(1);
  });

  it('detail: the inline rename and the delete form close before the view', async () => {
    await popup.render({ servers: [makeView(web)] });
    await click(root().querySelector<HTMLElement>('.row-main')!);
    await click(getByRole(root(), 'button', 'Rename web-01'));
    await escape();
    expect(queryByRole(root(), 'textbox', 'New name')).toBeNull();
    expect(getByRole(root(), 'heading', 'web-01')).toBeTruthy();

    await click(getByRole(root(), 'button', 'Delete'));
    expect(getByRole(root(), 'textbox', 'Type web-01 to confirm')).toBeTruthy();
    await escape();
    expect(queryByRole(root(), 'textbox', 'Type web-01 to confirm')).toBeNull();
    expect(getByRole(root(), 'heading', 'web-01')).toBeTruthy();
    expect(hides()).toBe(0);
  });

  it('edit returns to its detail, then the list', async () => {
    await popup.render({ servers: [makeView(web)] });
    await click(root().querySelector<HTMLElement>('.row-main')!);
    await click(getByRole(root(), 'button', 'Edit'));
    expect(getByRole(root(), 'heading', 'Edit web-01')).toBeTruthy();
    await escape();
    expect(getByRole(root(), 'heading', 'web-01')).toBeTruthy();
    await escape();
    expect(onList()).toBe(true);
    expect(hides()).toBe(0);
  });

  it('create and settings return to the list', async () => {
    await popup.render({ servers: [makeView(web)] });
    await click(getByRole(header(), 'button', 'New server'));
    await escape();
    expect(onList()).toBe(true);
    await click(getByRole(header(), 'button', 'Settings'));
    await escape();
    expect(onList()).toBe(true);
    expect(hides()).toBe(0);
  });

  it('without a token: settings return to token setup, which hides the popup', async () => {
    await popup.render({ auth: { mode: 'none' } });
    await click(getByRole(header(), 'button', 'Settings'));
    await escape();
    expect(getByRole(root(), 'textbox', 'API token')).toBeTruthy();
    expect(hides()).toBe(0);
    await escape();
    expect(hides()).toBe(1);
  });
});

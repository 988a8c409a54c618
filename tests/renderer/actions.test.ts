import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import { EventChannel, InvokeChannel, type AcceptedAction, type Result } from '../../common/contract';
import { createFakeBridge, deferred, fail, loadedStatus, makeView, viewsByName } from './fake-bridge';
import { click, getByRole, hasText, pointerClick, press, queryByRole, settle, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

function rowOf(root: HTMLElement, name: string): HTMLElement {
  const row = [...root.querySelectorAll<HTMLElement>('li.row')].find(
    (li) => li.querySelector('.row-name')?.textContent === name,
  );
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

describe('power actions', () => {
  it('offers only the actions the state allows', async () => {
    await popup.render({
      servers: viewsByName({ up: 'active', down: 'stopped', busy: 'rebooting', held: 'suspended', odd: 'migrating' }),
    });
    const names = (name: string) =>
      [...rowOf(popup.current().root, name).querySelectorAll('.power-button')].map((button) =>
        button.getAttribute('aria-label'),
      );
    // Reboot first; Stop, which takes the server down, last (set apart).
    expect(names('up')).toEqual(['Reboot up', 'Stop up']);
    expect(names('down')).toEqual(['Start down']);
    expect(names('busy')).toEqual([]);
    expect(names('held')).toEqual([]);
    expect(names('odd')).toEqual([]);
  });

  it('asks inline before a reboot; Cancel and Escape send nothing', async () => {
    const rendered = await popup.render({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    const { root, fake } = rendered;
    await click(getByRole(root, 'button', 'Reboot web-01'));
    const group = getByRole(root, 'group', 'Reboot web-01?');
    expect(document.activeElement).toBe(getByRole(group, 'button', 'Reboot'));
    await click(getByRole(group, 'button', 'Cancel'));
    expect(queryByRole(root, 'group', 'Reboot web-01?')).toBeNull();

    await click(getByRole(root, 'button', 'Reboot web-01'));
    await press(document.activeElement!, 'Escape');
    expect(queryByRole(root, 'group', 'Reboot web-01?')).toBeNull();
    expect(fake.callsTo(InvokeChannel.serversReboot)).toEqual([]);
    expect(fake.callsTo(InvokeChannel.popupHide)).toEqual([]);
  });

  it('sends exactly one request on confirm and shows the API’s answer at the row', async () => {
    const rendered = await popup.render({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    const { root, fake } = rendered;
    await pointerClick(getByRole(root, 'button', 'Stop web-01'));
    await pointerClick(getByRole(getByRole(root, 'group', 'Stop web-01?'), 'button', 'Stop'));
    // A mouse click: the history records it as from the popup.
    expect(fake.callsTo(InvokeChannel.serversStop)).toEqual([{ accountId: 'acct', id: 1, source: 'popup' }]);
    // Sent and accepted is not done: no green ✓ until the outcome says what finished.
    expect(hasText(rowOf(root, 'web-01'), 'Stop of web-01 sent; waiting for it to finish…')).toBe(true);
    expect(rowOf(root, 'web-01').querySelector('.notice-progress')).not.toBeNull();
    expect(hasText(rowOf(root, 'web-01'), '✓')).toBe(false);
  });

  it('skips the confirmation when the settings say so', async () => {
    const settings = { ...defaultSettings(), confirmations: { start: false, stop: false, reboot: false } };
    const rendered = await popup.render({ servers: [makeView(makeServer(1, { name: 'web-01' }))], settings });
    await click(getByRole(rendered.root, 'button', 'Reboot web-01'));
    expect(rendered.fake.callsTo(InvokeChannel.serversReboot)).toHaveLength(1);
  });

  it('disables the buttons with a progress label while the request is pending, and never sends twice', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'db-01', status: 'stopped' }))] });
    const answer = deferred<Result<AcceptedAction>>();
    fake.handle(InvokeChannel.serversStart, () => answer.promise);
    const rendered = await popup.render(fake);
    const start = getByRole(rendered.root, 'button', 'Start db-01');
    await click(start);
    const row = rowOf(rendered.root, 'db-01');
    expect(getByRole(row, 'button', 'Start db-01').getAttribute('aria-disabled')).toBe('true');
    expect(hasText(row, 'Starting…')).toBe(true);
    await click(getByRole(row, 'button', 'Start db-01'));
    expect(fake.callsTo(InvokeChannel.serversStart)).toHaveLength(1);

    await act(async () => answer.resolve({ ok: true, value: { message: 'Server is starting' } }));
    await settle();
    expect(getByRole(row, 'button', 'Start db-01').getAttribute('aria-disabled')).toBeNull();
    expect(hasText(row, 'Start of db-01 sent; waiting for it to finish…')).toBe(true);
  });

  it('shows the action tracked by main (ServerView.pending) as in flight', async () => {
    const server = makeServer(1, { name: 'web-01' });
    const rendered = await popup.render({ servers: [makeView(server, { action: 'reboot', startedAt: Date.now() })] });
    const row = rowOf(rendered.root, 'web-01');
    expect(hasText(row, 'Rebooting…')).toBe(true);
    for (const button of row.querySelectorAll('.power-button'))
      expect(button.getAttribute('aria-disabled')).toBe('true');
    await click(getByRole(row, 'button', 'Reboot web-01'));
    expect(queryByRole(rendered.root, 'group', 'Reboot web-01?')).toBeNull();
  });

  it('shows the API’s error message next to the row where the user clicked', async () => {
    const fake = createFakeBridge({
      servers: [
        makeView(makeServer(1, { name: 'web-01', status: 'stopped' })),
        makeView(makeServer(2, { name: 'db-01' })),
      ],
    });
    fake.handle(InvokeChannel.serversStart, () =>
      fail({
        kind: 'bad-request',
        status: 400,
        message: 'VPS.org rejected the request (400): Bad request – server is already running',
        apiText: 'Bad request – server is already running',
      }),
    );
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Start web-01'));
    const alert = getByRole(rowOf(rendered.root, 'web-01'), 'alert');
    expect(alert.textContent).toContain('Bad request – server is already running');
    expect(hasText(rowOf(rendered.root, 'db-01'), 'already running')).toBe(false);
    expect(fake.callsTo(InvokeChannel.serversStart)).toHaveLength(1);
  });

  it('shows the outcome of a tracked action at its row', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    const rendered = await popup.render(fake);
    await act(() =>
      fake.emit(EventChannel.actionFinished, {
        ref: { accountId: 'acct', id: 1 },
        serverName: 'web-01',
        action: 'reboot',
        outcome: 'timed-out',
        message: 'Reboot of web-01 did not finish within 10 min.',
        elapsedMs: 600_000,
        finalStatus: 'rebooting',
      }),
    );
    await settle();
    const row = rowOf(rendered.root, 'web-01');
    expect(hasText(row, 'The reboot of web-01 did not finish within 10 min. It is rebooting now.')).toBe(true);
    await click(getByRole(row, 'button', 'Dismiss the message about web-01'));
    expect(hasText(rowOf(rendered.root, 'web-01'), 'did not finish')).toBe(false);
  });

  it('confirms in the detail view too and keeps the result there', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    const rendered = await popup.render(fake);
    await click(rendered.root.querySelector<HTMLElement>('.row-main')!);
    await click(getByRole(rendered.root, 'button', 'Reboot web-01'));
    await click(getByRole(getByRole(rendered.root, 'group', 'Reboot web-01?'), 'button', 'Reboot'));
    expect(fake.callsTo(InvokeChannel.serversReboot)).toHaveLength(1);
    expect(hasText(rendered.root.querySelector('.detail-view')!, 'Reboot of web-01 sent')).toBe(true);
    await act(() =>
      fake.emit(EventChannel.fleetChanged, {
        upserted: [
          makeView(makeServer(1, { name: 'web-01', status: 'rebooting' }), { action: 'reboot', startedAt: 1 }),
        ],
        removed: [],
        status: loadedStatus(),
      }),
    );
    await settle();
    expect(hasText(rendered.root.querySelector('.detail-view')!, 'Rebooting…')).toBe(true);
  });
});

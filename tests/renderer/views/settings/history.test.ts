// Settings → History (issue #20): how long it is kept (or off) and the tooltip's uptime, saved as patches
// with "Saved." beside them; each account's history exported; clearing asked first, like signing out;
// the privacy note; all in Czech too.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../../../common/contract';
import { defaultSettings } from '../../../../main/settings/schema';
import { choose, click, getByRole, hasText, popupUnderTest, queryByRole } from '../../dom';
import { createFakeBridge, ok, TOKEN_AUTH, WEB_01, type FakeBridge } from '../../fake-bridge';

const popup = popupUnderTest();

const TWO_ACCOUNTS = {
  ...TOKEN_AUTH,
  accounts: [
    { id: 'acct', label: 'VPS.org' },
    { id: 'work', label: 'Work' },
  ],
};

async function openHistorySettings(fake: FakeBridge) {
  const rendered = await popup.render(fake);
  await click(getByRole(rendered.root, 'button', 'Settings'));
  const section = rendered.root.querySelector<HTMLElement>('#settings-history')!;
  return { ...rendered, section };
}

describe('Settings → History', () => {
  it('keeps it 7, 30 or 90 days or off, and shows uptime in the tooltip, each saved as a patch', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    const { root, section } = await openHistorySettings(fake);
    expect(root.querySelector('nav.settings-toc')?.textContent).toContain('History');
    expect(hasText(section, 'The history is kept only on this computer; it is never sent anywhere.')).toBe(true);
    const keep = getByRole(section, 'combobox', 'Keep history') as HTMLSelectElement;
    expect([...keep.options].map((option) => option.textContent)).toEqual([
      'For 7 days',
      'For 30 days',
      'For 90 days',
      'Off (record nothing)',
    ]);
    expect(keep.value).toBe('90');
    await choose(keep, '30');
    await choose(keep, '0');
    await click(getByRole(section, 'checkbox', 'Show uptime in the tray tooltip'));
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([
      { historyKeepDays: 30 },
      { historyKeepDays: 0 },
      { uptimeInTooltip: !defaultSettings().uptimeInTooltip },
    ]);
    expect(getByRole(section, 'status').textContent).toBe('Saved.');
  });

  it('exports each account’s history', async () => {
    const fake = createFakeBridge({ servers: [WEB_01], auth: TWO_ACCOUNTS });
    const { section } = await openHistorySettings(fake);
    fake.handle(InvokeChannel.historyExport, () => ok({ outcome: 'saved' }));
    await click(getByRole(getByRole(section, 'group', 'Export the history of Work'), 'button', 'Export JSON'));
    await click(getByRole(getByRole(section, 'group', 'Export the history of VPS.org'), 'button', 'Export CSV'));
    expect(fake.callsTo(InvokeChannel.historyExport)).toEqual([
      { accountId: 'work', format: 'json' },
      { accountId: 'acct', format: 'csv' },
    ]);
  });

  it('clears it all only once confirmed, and says so; the keyboard comes back to the button', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    const { section } = await openHistorySettings(fake);
    const clear = getByRole(section, 'button', 'Clear history');
    await click(clear);
    const confirm = getByRole(section, 'group', 'Clear history');
    expect(hasText(confirm, 'Clear the history of every account?')).toBe(true);
    expect(document.activeElement).toBe(getByRole(confirm, 'button', 'Clear'));
    await click(getByRole(confirm, 'button', 'Cancel'));
    expect(fake.callsTo(InvokeChannel.historyClear)).toHaveLength(0);
    expect(document.activeElement).toBe(clear);

    await click(clear);
    await click(getByRole(getByRole(section, 'group', 'Clear history'), 'button', 'Clear'));
    expect(fake.callsTo(InvokeChannel.historyClear)).toHaveLength(1);
    expect(queryByRole(section, 'group', 'Clear history')).toBeNull();
    expect(getByRole(section, 'status').textContent).toBe('History cleared.');
    expect(document.activeElement).toBe(clear);
  });

  it('speaks Czech, with its plurals', async () => {
    const fake = createFakeBridge({ servers: [WEB_01], settings: { ...defaultSettings(), language: 'cs' } });
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Nastavení'));
    const section = rendered.root.querySelector<HTMLElement>('#settings-history')!;
    expect(getByRole(section, 'heading', 'Historie')).toBeTruthy();
    const keep = getByRole(section, 'combobox', 'Uchovávat historii') as HTMLSelectElement;
    expect([...keep.options].map((option) => option.textContent)).toEqual([
      '7 dní',
      '30 dní',
      '90 dní',
      'Vypnuto (nic nezaznamenávat)',
    ]);
    expect(getByRole(section, 'button', 'Smazat historii')).toBeTruthy();
  });
});

// "Since you last looked" (issue #20): what happened while the popup was closed, in one block at the top
// of the list, asked for once the rows are there and again at each opening; folded when long; each server
// a way to its detail; dismissed by its close button without losing the keyboard.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useClockAt } from './clock';
import { EventChannel, InvokeChannel } from '../../../../common/contract';
import type { HistoryDigest, HistoryEntry } from '../../../../common/history';
import { defaultSettings } from '../../../../main/settings/schema';
import { click, getByRole, popupUnderTest, queryAllByRole, queryByRole, settle } from '../../dom';
import { createFakeBridge, deferred, ok, viewsByName, type FakeBridge } from '../../fake-bridge';

const popup = popupUnderTest();
const at = (hour: number, minute: number) => Date.UTC(2026, 11, 7, hour, minute);
const web = { accountId: 'acct', id: 1 };
const db = { accountId: 'acct', id: 2 };

/** Newest first, as main sends it: five servers, accounts or the app, so two fold. */
const DIGEST: HistoryDigest = {
  since: at(1, 0),
  entries: [
    { kind: 'account', at: at(10, 0), accountId: 'work', label: 'Work', failure: 'offline', until: at(10, 10) },
    {
      kind: 'action',
      ref: db,
      name: 'db-01',
      at: at(9, 40),
      action: 'reboot',
      source: 'tray',
      outcome: 'succeeded',
      tookMs: 40_000,
    },
    // Said already by the outage that ended then: left out.
    { kind: 'status', ref: web, name: 'web-01', at: at(3, 16), from: 'stopped', to: 'active', until: null },
    // Said already by the stop it reports: left out.
    {
      kind: 'alert',
      ref: web,
      name: 'web-01',
      at: at(3, 13),
      alert: 'stopped',
      severity: 'hard',
      acknowledged: false,
      paused: false,
      until: at(3, 16),
    },
    { kind: 'status', ref: web, name: 'web-01', at: at(3, 12), from: 'active', to: 'stopped', until: at(3, 16) },
    {
      kind: 'status',
      ref: { accountId: 'acct', id: 9 },
      name: null,
      at: at(2, 0),
      from: 'active',
      to: 'stopped',
      until: null,
    },
    { kind: 'gap', at: at(1, 0), until: at(1, 30), reason: 'not-running' },
    // A restart's minute: too small for the digest (the timeline keeps it).
    { kind: 'gap', at: at(0, 30), until: at(0, 31), reason: 'not-running' },
  ] satisfies HistoryEntry[],
};

function bridgeWith(digest: HistoryDigest | null, language: 'en' | 'cs' = 'en'): FakeBridge {
  const fake = createFakeBridge({
    servers: viewsByName({ 'web-01': 'active', 'db-01': 'active' }),
    appInfo: { systemLocale: 'en-GB' },
    settings: { ...defaultSettings(), language },
  });
  fake.handle(InvokeChannel.historyDigest, () => ok(digest));
  return fake;
}

const entriesOf = (region: HTMLElement) =>
  queryAllByRole(region, 'listitem').map((item) => item.textContent?.replace(/\s+/g, ' ').trim());

useClockAt(at(12, 0));

describe('since you last looked', () => {
  it('shows what happened at the top of the list, asked for after the rows, folded after three', async () => {
    const { root, fake } = await popup.render(bridgeWith(DIGEST));
    const region = getByRole(root, 'region', 'Since you last looked');
    // Above the rows, and asked for only once the first view's state was here.
    expect(
      region.compareDocumentPosition(getByRole(root, 'list', 'Servers')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const channels = fake.calls.map((call) => call.channel);
    expect(channels.indexOf(InvokeChannel.historyDigest)).toBeGreaterThan(
      channels.indexOf(InvokeChannel.popupBootstrap),
    );
    expect(entriesOf(region)).toEqual([
      'account Work: offline 10 min at 10:00',
      'db-01: rebooted by you at 09:40',
      'web-01: stopped 03:12–03:16',
      'and 2 more',
    ]);
    // It takes no focus from the list.
    expect(region.contains(document.activeElement)).toBe(false);

    await click(getByRole(region, 'button', 'and 2 more'));
    expect(entriesOf(region)).toEqual([
      'account Work: offline 10 min at 10:00',
      'db-01: rebooted by you at 09:40',
      'web-01: stopped 03:12–03:16',
      '#9: stopped since 02:00',
      'not watched: the app was not running 01:00–01:30',
    ]);
    // The keyboard goes on from the first entry that was folded (a server gone has no link: the heading).
    expect(document.activeElement).toBe(getByRole(region, 'heading', 'Since you last looked'));
    // A server no longer in the list is named, not linked.
    expect(queryByRole(region, 'button', 'Open #9')).toBeNull();
  });

  it('folds nothing when only one entry would fold', async () => {
    const { root } = await popup.render(bridgeWith({ ...DIGEST, entries: DIGEST.entries.slice(0, 6) }));
    const region = getByRole(root, 'region', 'Since you last looked');
    expect(entriesOf(region)).toHaveLength(4);
    expect(queryByRole(region, 'button', /more/)).toBeNull();
  });

  it('opens a server’s detail from its name', async () => {
    const { root } = await popup.render(bridgeWith(DIGEST));
    await click(getByRole(getByRole(root, 'region', 'Since you last looked'), 'button', 'Open db-01'));
    expect(getByRole(root, 'heading', 'db-01')).toBeTruthy();
  });

  it('is dismissed by its close button: main is told, and the keyboard stays in the list', async () => {
    const { root, fake } = await popup.render(bridgeWith(DIGEST));
    const close = getByRole(root, 'button', 'Dismiss “Since you last looked”');
    close.focus();
    await click(close);
    expect(queryByRole(root, 'region', 'Since you last looked')).toBeNull();
    expect(fake.callsTo(InvokeChannel.historyDismissDigest)).toHaveLength(1);
    expect(document.activeElement).toBe(getByRole(root, 'searchbox', 'Search servers'));
  });

  it('is asked for again at each opening; the last opening’s is gone at once', async () => {
    const fake = bridgeWith(DIGEST);
    const { root } = await popup.render(fake);
    expect(queryByRole(root, 'region', 'Since you last looked')).not.toBeNull();
    const next = deferred<ReturnType<typeof ok<HistoryDigest | null>>>();
    fake.handle(InvokeChannel.historyDigest, () => next.promise);
    await act(() => fake.emit(EventChannel.popupShown, { view: null }));
    await settle();
    expect(fake.callsTo(InvokeChannel.historyDigest)).toHaveLength(2);
    expect(queryByRole(root, 'region', 'Since you last looked')).toBeNull();
    next.resolve(ok({ since: at(11, 0), entries: [DIGEST.entries[1]!] }));
    await settle();
    expect(entriesOf(getByRole(root, 'region', 'Since you last looked'))).toEqual(['db-01: rebooted by you at 09:40']);
  });

  it('is gone once the history is cleared in Settings', async () => {
    const { root } = await popup.render(bridgeWith(DIGEST));
    await click(getByRole(root, 'button', 'Settings'));
    await click(getByRole(root, 'button', 'Clear history'));
    await click(getByRole(getByRole(root, 'group', 'Clear history'), 'button', 'Clear'));
    await click(getByRole(root, 'button', 'Back'));
    expect(queryByRole(root, 'list', 'Servers')).not.toBeNull();
    expect(queryByRole(root, 'region', 'Since you last looked')).toBeNull();
  });

  it('shows nothing when all that happened was a restart of the app', async () => {
    const restart: HistoryDigest = {
      since: at(11, 0),
      entries: [{ kind: 'gap', at: at(11, 30), until: at(11, 31), reason: 'not-running' }],
    };
    const { root, fake } = await popup.render(bridgeWith(restart));
    expect(fake.callsTo(InvokeChannel.historyDigest)).toHaveLength(1);
    expect(queryByRole(root, 'region', 'Since you last looked')).toBeNull();
  });

  it('shows nothing when nothing happened', async () => {
    const { root, fake } = await popup.render(bridgeWith(null));
    expect(fake.callsTo(InvokeChannel.historyDigest)).toHaveLength(1);
    expect(queryByRole(root, 'region', 'Since you last looked')).toBeNull();
  });

  it('speaks Czech', async () => {
    const { root } = await popup.render(bridgeWith(DIGEST, 'cs'));
    const region = getByRole(root, 'region', 'Od vaší poslední návštěvy');
    expect(entriesOf(region)).toEqual([
      'účet Work: bez připojení 10 min v 10:00',
      'db-01: restartovali jste v 09:40',
      'web-01: zastaven 03:12–03:16',
      'a 2 další',
    ]);
  });
});

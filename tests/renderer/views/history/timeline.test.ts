// The detail's History (issue #20): uptime over 24 h / 7 d / 30 d with the unknown share, strips with a
// text alternative, the last 7 days under their local days with the list's glyphs, a refresh when main
// records something for this server, "off" with the way to Settings → History, and export.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useClockAt } from './clock';
import { EventChannel, InvokeChannel, type ExportResult } from '../../../../common/contract';
import type { HistoryEntry, ServerHistory, StripSpan } from '../../../../common/history';
import { click, getByRole, hasText, popupUnderTest, queryAllByRole, queryByRole } from '../../dom';
import { createFakeBridge, emptyHistory, fail, ok, viewsByName, type FakeBridge } from '../../fake-bridge';

const popup = popupUnderTest();
const HOUR = 3_600_000;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour, minute);
const NOW = at(7, 12);
const ref = { accountId: 'acct', id: 1 };

const ENTRIES: HistoryEntry[] = [
  { kind: 'status', ref, name: 'web-01', at: at(7, 3, 16), from: 'stopped', to: 'active', until: null },
  {
    kind: 'action',
    ref,
    name: 'web-01',
    at: at(7, 3, 15),
    action: 'start',
    source: 'tray',
    outcome: 'succeeded',
    tookMs: 42_000,
  },
  { kind: 'status', ref, name: 'web-01', at: at(7, 3, 12), from: 'active', to: 'stopped', until: at(7, 3, 16) },
  { kind: 'gap', at: at(6, 1), until: at(6, 7), reason: 'asleep' },
  {
    kind: 'alert',
    ref,
    name: 'web-01',
    at: at(4, 9),
    alert: 'cpu',
    severity: 'hard',
    acknowledged: true,
    paused: false,
    until: at(4, 9, 30),
  },
];

const HISTORY: ServerHistory = {
  ref,
  name: 'web-01',
  entries: ENTRIES,
  strip: {
    day: [
      { from: NOW - 24 * HOUR, until: at(7, 3, 12), state: 'up' },
      { from: at(7, 3, 12), until: at(7, 3, 16), state: 'down' },
      { from: at(7, 3, 16), until: NOW, state: 'up' },
    ],
    week: [
      { from: NOW - 168 * HOUR, until: at(6, 1), state: 'unknown' },
      { from: at(6, 1), until: NOW, state: 'up' },
    ],
  },
  uptime: {
    day: { upMs: 24 * HOUR - 4 * 60_000, downMs: 4 * 60_000, unknownMs: 0 },
    week: { upMs: 100 * HOUR, downMs: 0.3 * HOUR, unknownMs: 67.7 * HOUR },
    month: { upMs: 0, downMs: 0, unknownMs: 720 * HOUR },
  },
  off: false,
};

function bridgeWith(history: ServerHistory): FakeBridge {
  const fake = createFakeBridge({
    servers: viewsByName({ 'web-01': 'active', 'db-01': 'active' }),
    appInfo: { systemLocale: 'en-GB' },
  });
  fake.handle(InvokeChannel.historyServer, () => ok(history));
  return fake;
}

async function openHistory(fake: FakeBridge) {
  const rendered = await popup.render(fake);
  await click(rendered.root.querySelector<HTMLElement>('.row-main[data-key="acct:1"]')!);
  return { ...rendered, region: getByRole(rendered.root, 'region', 'History') };
}

useClockAt(NOW);
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a server’s history in its detail', () => {
  it('shows uptime with the unknown share, never 100 % of nothing, and strips with a text alternative', async () => {
    const { region, fake } = await openHistory(bridgeWith(HISTORY));
    expect(fake.callsTo(InvokeChannel.historyServer)).toEqual([ref]);
    const figures = [...region.querySelectorAll('.uptime-figure')].map((figure) => figure.textContent);
    expect(figures).toEqual(['24 h99.7 %', '7 d99.7 %40 % unknown', '30 d— (unknown)']);
    expect(queryAllByRole(region, 'img').map((strip) => strip.getAttribute('aria-label'))).toEqual([
      'Last 24 hours: up 23 h 56 min, down 4 min, unknown 0 s',
      'Last 7 days: up 35 h, down 0 s, unknown 5 d 13 h',
    ]);
    // Unknown is drawn as its own state, never as up.
    const week = queryAllByRole(region, 'img')[1]!;
    expect([...week.children].map((span) => span.className)).toEqual(['strip-unknown', 'strip-up']);
  });

  it('lists the last 7 days newest first under their local days, with the list’s glyphs', async () => {
    const { region } = await openHistory(bridgeWith(HISTORY));
    const days = [...region.querySelectorAll('.timeline-day')];
    expect(days.map((day) => day.querySelector('h5')?.textContent)).toEqual([
      'Today',
      'Yesterday',
      'Friday 4 December',
    ]);
    const today = [...days[0]!.querySelectorAll('li')];
    expect(today.map((item) => item.textContent)).toEqual([
      '●running againsince 03:16',
      'started by you · from the tray menu · took 42 sat 03:15',
      '■stopped03:12–03:16',
    ]);
    // The power action's own icon, the status's glyph from the list.
    expect(today[1]!.querySelector('svg.icon-start')).not.toBeNull();
    expect(today[2]!.querySelector('.status-off')?.textContent).toBe('■');
    expect(days[1]!.textContent).toContain('not watched: the computer was asleep');
    expect(days[2]!.textContent).toContain('CPU use is over its threshold · (acknowledged)');
  });

  it('draws a busy week’s newest entries first and the rest on demand, and a strip of thousands of spans in slices that keep a short outage', async () => {
    const busy: HistoryEntry[] = Array.from({ length: 120 }, (_, index) => ({
      kind: 'status',
      ref,
      name: 'web-01',
      at: NOW - (index + 1) * 80 * 60_000,
      from: 'active',
      to: 'stopped',
      until: NOW - (index + 1) * 80 * 60_000 + 60_000,
    }));
    // A week of 5-minute spans, up but for four minutes down in the middle.
    const week: StripSpan[] = Array.from({ length: 2016 }, (_, index) => ({
      from: NOW - 168 * HOUR + index * 300_000,
      until: NOW - 168 * HOUR + (index + 1) * 300_000,
      state: index === 1000 ? 'down' : 'up',
    }));
    week[1000]!.until -= 60_000;
    week[1001]!.from -= 60_000;
    const { region } = await openHistory(bridgeWith({ ...HISTORY, entries: busy, strip: { day: [], week } }));
    const entries = () => region.querySelectorAll('.timeline-entry').length;
    expect(entries()).toBe(50);
    await click(getByRole(region, 'button', 'Show 50 earlier entries'));
    expect(entries()).toBe(100);
    await click(getByRole(region, 'button', 'Show 20 earlier entries'));
    expect(entries()).toBe(120);
    expect(queryByRole(region, 'button', /earlier/)).toBeNull();
    // The keyboard goes on from the last day shown, not from <body>.
    expect(document.activeElement).toBe([...region.querySelectorAll('.timeline-day h5')].at(-1));

    const strip = queryAllByRole(region, 'img').at(-1)!;
    expect(strip.children.length).toBeLessThanOrEqual(160);
    expect([...strip.children].map((slice) => slice.className)).toEqual(['strip-up', 'strip-down', 'strip-up']);
    expect(strip.getAttribute('aria-label')).toBe('Last 7 days: up 6 d 23 h, down 4 min, unknown 0 s');
  });

  it('is fetched again when main records something for this server, not for another', async () => {
    const fake = bridgeWith(HISTORY);
    const { region } = await openHistory(fake);
    fake.handle(InvokeChannel.historyServer, () =>
      ok({
        ...HISTORY,
        entries: [
          {
            kind: 'action',
            ref,
            name: 'web-01',
            at: at(7, 11, 58),
            action: 'reboot',
            source: 'popup',
            outcome: 'failed',
            tookMs: null,
          },
          ...ENTRIES,
        ],
      }),
    );
    await act(() => fake.emit(EventChannel.historyChanged, { refs: [{ accountId: 'acct', id: 2 }] }));
    expect(fake.callsTo(InvokeChannel.historyServer)).toHaveLength(1);
    await act(() => fake.emit(EventChannel.historyChanged, { refs: [ref] }));
    await click(region);
    expect(fake.callsTo(InvokeChannel.historyServer)).toHaveLength(2);
    expect(hasText(region, 'your reboot failed · from the popup')).toBe(true);
  });

  it('says when the history is off, with the way to Settings → History', async () => {
    const { root, region } = await openHistory(bridgeWith({ ...emptyHistory(ref), off: true }));
    expect(hasText(region, 'History is off.')).toBe(true);
    expect(queryAllByRole(region, 'img')).toHaveLength(0);
    await click(getByRole(region, 'button', 'Settings → History'));
    expect(document.activeElement).toBe(getByRole(root, 'heading', 'History'));
    expect(getByRole(root, 'heading', 'Settings')).toBeTruthy();
  });

  it('exports: a file handed back is downloaded from the page; saved says so; cancelled says nothing; a failure says why', async () => {
    const fake = bridgeWith(HISTORY);
    const { region } = await openHistory(fake);
    const exports = getByRole(region, 'group', 'Export this server’s history');
    const answer = (result: ExportResult) => fake.handle(InvokeChannel.historyExport, () => ok(result));

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:history';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: Array<{ name: string; href: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    });
    answer({
      outcome: 'download',
      fileName: 'web-01-history.csv',
      mimeType: 'text/csv',
      content: 'at,kind\n1,status\n',
    });
    await click(getByRole(exports, 'button', 'Export CSV'));
    expect(fake.callsTo(InvokeChannel.historyExport)).toEqual([{ accountId: 'acct', serverId: 1, format: 'csv' }]);
    expect(downloads).toEqual([{ name: 'web-01-history.csv', href: 'blob:history' }]);
    expect(await blobs[0]!.text()).toBe('at,kind\n1,status\n');
    expect(blobs[0]!.type).toBe('text/csv');

    answer({ outcome: 'saved' });
    await click(getByRole(exports, 'button', 'Export JSON'));
    expect(getByRole(region, 'status').textContent).toBe('Saved.');

    answer({ outcome: 'cancelled' });
    await click(getByRole(exports, 'button', 'Export JSON'));
    expect(queryByRole(region, 'status')).toBeNull();
    expect(queryByRole(region, 'alert')).toBeNull();

    fake.handle(InvokeChannel.historyExport, () => fail({ kind: 'internal', message: 'EACCES: permission denied' }));
    await click(getByRole(exports, 'button', 'Export JSON'));
    expect(getByRole(region, 'alert').textContent).toMatch(/^Could not export: /);
    expect(downloads).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel, type FleetStatus, type ServerView } from '../../../common/contract';
import { createFakeBridge, loadedStatus, makeView, ok, viewsByName } from '../fake-bridge';
import {
  getByRole,
  hasText,
  press,
  queryAllByRole,
  queryByRole,
  settle,
  typeInto,
  choose,
  click,
  createManualScheduler,
  popupUnderTest,
} from '../dom';
import { KNOWN_STATUSES } from '../../../common/statuses';
import { makeServer, serverAlert } from '../../support/fixtures';

const popup = popupUnderTest();

function rows(root: HTMLElement): HTMLElement[] {
  return queryAllByRole(getByRole(root, 'list', 'Servers'), 'listitem');
}

function rowNames(root: HTMLElement): string[] {
  return rows(root).map((row) => row.querySelector('.row-name')?.textContent ?? '');
}

/** A should-run server found stopped: soft while `hardSince` is null. */
const stoppedSince = (hardSince: number | null) => ({
  kind: 'stopped' as const,
  since: 1,
  hardSince,
  acknowledged: false,
});

describe('server list', () => {
  it('renders every known status and an unknown one as text, not colour alone', async () => {
    const statuses = [...KNOWN_STATUSES, 'migrating'];
    const rendered = await popup.render({
      servers: statuses.map((status, index) => makeView(makeServer(index + 1, { name: `srv-${status}`, status }))),
    });
    const expected: Record<string, string> = {
      active: 'running',
      stopped: 'stopped',
      suspended: 'suspended',
      provisioning: 'provisioning',
      starting: 'starting',
      stopping: 'stopping',
      rebooting: 'rebooting',
      migrating: 'migrating',
    };
    for (const status of statuses) {
      const row = rendered.root.querySelector(`li[data-status="${status}"]`);
      expect({ status, text: row?.querySelector('.status-text')?.textContent }).toEqual({
        status,
        text: expected[status],
      });
      expect(row?.querySelector('.status-icon')?.textContent).toBeTruthy();
      expect(row!.querySelector('.status-icon')?.textContent).not.toBe('');
    }
  });

  it('sorts by the app’s verdict: confirmed deviations, then in progress and unconfirmed ones, then calm; then by name', async () => {
    const servers = viewsByName({
      'b-active': 'active',
      'a-active': 'active',
      'rebooting-1': 'rebooting',
      'z-stopped': 'stopped',
      'm-migrating': 'migrating',
      'c-suspended': 'suspended',
      'y-should-run': 'stopped',
      'x-soft': 'stopped',
    });
    const key = (name: string) => servers.find((view) => view.server.name === name)!.key;
    const rendered = await popup.render({
      servers,
      alerts: {
        servers: {
          [key('y-should-run')]: serverAlert(key('y-should-run'), 'y-should-run', 'should-run', [stoppedSince(2)]),
          [key('x-soft')]: serverAlert(key('x-soft'), 'x-soft', 'should-run', [stoppedSince(null)]),
        },
        pauseAll: null,
        attention: [key('y-should-run')],
      },
    });
    await settle();
    // A stopped or suspended server that may be stopped is calm: it sorts by name among the running ones.
    expect(rowNames(rendered.root)).toEqual([
      'y-should-run',
      'rebooting-1',
      'x-soft',
      'a-active',
      'b-active',
      'c-suspended',
      'm-migrating',
      'z-stopped',
    ]);
    // The badge's colour is the same verdict: red only for the confirmed deviation.
    const tone = (name: string) =>
      rows(rendered.root)
        .find((row) => row.querySelector('.row-name')?.textContent === name)
        ?.querySelector('.status')?.className;
    expect(tone('y-should-run')).toBe('status status-alert');
    expect(tone('x-soft')).toBe('status status-watch');
    expect(tone('c-suspended')).toBe('status status-off');
    expect(tone('rebooting-1')).toBe('status status-busy');
    expect(rendered.root.querySelectorAll('.status-alert')).toHaveLength(1);
  });

  it('shows a long name whole in its title so the ellipsis hides nothing', async () => {
    const name = `very-long-${'x'.repeat(60)}`;
    const rendered = await popup.render({ servers: [makeView(makeServer(1, { name }))] });
    const main = rendered.root.querySelector<HTMLElement>('.row-main')!;
    expect(main.title).toBe(name);
    expect(main.querySelector('.row-name')?.textContent).toBe(name);
  });

  it('shows IPv4, location and plan on each row', async () => {
    const rendered = await popup.render({
      servers: [makeView(makeServer(1, { name: 'web-01', ip_address: '203.0.113.10', location: 'eu-central' }))],
    });
    expect(hasText(rows(rendered.root)[0]!, '203.0.113.10 · eu-central · Standard VPS')).toBe(true);
  });

  it('shows a loading state before the first poll, then the empty-account state', async () => {
    const fake = createFakeBridge({ servers: [], status: { ...loadedStatus(), loaded: false, lastSuccessAt: null } });
    const rendered = await popup.render(fake);
    expect(queryAllByRole(rendered.root, 'status').map((element) => element.textContent)).toContain('Loading…');
    expect(queryByRole(rendered.root, 'list', 'Servers')).toBeNull();

    await settleEvent(() =>
      fake.emit(EventChannel.fleetChanged, { upserted: [], removed: [], status: loadedStatus() }),
    );
    expect(hasText(rendered.root, 'This account has no servers yet.')).toBe(true);
    expect(getByRole(rendered.root.querySelector('main')!, 'button', 'New server')).toBeTruthy();
  });

  it('keeps the list visible under a stale banner when polling fails', async () => {
    const servers = [makeView(makeServer(1, { name: 'web-01' }))];
    const fake = createFakeBridge({ servers });
    const rendered = await popup.render(fake);
    await settleEvent(() =>
      fake.emit(EventChannel.fleetChanged, {
        upserted: [],
        removed: [],
        status: loadedStatus({
          stale: { kind: 'network', message: 'getaddrinfo ENOTFOUND admin.vps.org', since: Date.now() },
        }),
      }),
    );
    const banner = rendered.root.querySelector<HTMLElement>('[data-testid="stale-banner"]')!;
    expect(banner).not.toBeNull();
    expect(hasText(banner, 'VPS.org cannot be reached.')).toBe(true);
    // Worded from the kind, in the user's language: main's English detail is not shown raw.
    expect(hasText(banner, 'getaddrinfo')).toBe(false);
    expect(rowNames(rendered.root)).toEqual(['web-01']);

    await settleEvent(() => getByRole(banner, 'button', 'Retry now').click());
    expect(fake.callsTo(InvokeChannel.fleetRefresh)).toHaveLength(1);
  });

  it('says the list is live while polls succeed, and when it was last updated once it is stale', async () => {
    const at = new Date(2025, 0, 15, 9, 8, 7).getTime();
    const fake = createFakeBridge({ servers: [makeView(makeServer(1))], status: loadedStatus({ lastSuccessAt: at }) });
    const rendered = await popup.render(fake);
    const updated = () => rendered.root.querySelector('[data-testid="last-updated"]')?.textContent;
    // Main tells of a poll only when it changed something: the popup words freshness from the interval.
    expect(updated()).toBe('Up to date · checked every 15 s');
    await settleEvent(() =>
      fake.emit(EventChannel.fleetChanged, {
        upserted: [],
        removed: [],
        status: loadedStatus({ lastSuccessAt: at, stale: { kind: 'network', message: 'offline', since: at + 1 } }),
      }),
    );
    expect(updated()).toBe('Last updated 09:08:07');
  });

  it('spins the refresh button while its own refresh is in flight, then shows what main answered', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1))] });
    const answers: Array<(status: FleetStatus) => void> = [];
    fake.handle(
      InvokeChannel.fleetRefresh,
      () => new Promise((resolve) => void answers.push((status) => resolve(ok(status)))),
    );
    const rendered = await popup.render(fake);
    const button = getByRole(rendered.root, 'button', 'Refresh');
    await settleEvent(() => button.click());
    expect(button.getAttribute('aria-label')).toBe('Refreshing…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(answers).toHaveLength(1);
    await settleEvent(() => answers[0]?.(loadedStatus({ skipped: 2 })));
    expect(button.getAttribute('aria-label')).toBe('Refresh');
    expect(rendered.root.textContent).toContain('Could not read 2 servers.');
  });

  it('searches by name, hostname and IP', async () => {
    const rendered = await popup.render({
      servers: [
        makeView(makeServer(1, { name: 'web-01', hostname: 'alpha.example.com', ip_address: '198.51.100.7' })),
        makeView(makeServer(2, { name: 'db-01', hostname: 'beta.example.com', ip_address: '203.0.113.9' })),
      ],
    });
    const search = getByRole(rendered.root, 'searchbox', 'Search servers');
    await typeInto(search, 'WEB');
    expect(rowNames(rendered.root)).toEqual(['web-01']);
    await typeInto(search, 'beta.example');
    expect(rowNames(rendered.root)).toEqual(['db-01']);
    await typeInto(search, '198.51');
    expect(rowNames(rendered.root)).toEqual(['web-01']);
    await typeInto(search, 'nothing-like-this');
    expect(hasText(rendered.root, 'No server matches.')).toBe(true);
  });

  it('filters with the API’s own query filters and shows only the servers it returned', async () => {
    const servers = [
      makeView(makeServer(1, { name: 'west-1', location: 'us-west' })),
      makeView(makeServer(2, { name: 'east-1', location: 'us-east', status: 'stopped' })),
      makeView(makeServer(3, { name: 'east-2', location: 'us-east' })),
    ];
    const fake = createFakeBridge({ servers });
    fake.handle(InvokeChannel.serversList, (filter) =>
      ok(
        servers
          .filter(
            (view) =>
              (!filter.location || view.server.location === filter.location) &&
              (!filter.status || view.server.status === filter.status),
          )
          .map((view) => ({ accountId: view.accountId, id: view.server.id })),
      ),
    );
    const rendered = await popup.render(fake);
    // Status and location are folded behind one button (the toolbar is one line at 380 px).
    const filtersButton = getByRole(rendered.root, 'button', 'Filters');
    expect(filtersButton.getAttribute('aria-expanded')).toBe('false');
    await click(filtersButton);
    expect(filtersButton.getAttribute('aria-expanded')).toBe('true');
    await choose(getByRole(rendered.root, 'combobox', 'Location'), 'us-east');
    expect(fake.callsTo(InvokeChannel.serversList)).toEqual([{ location: 'us-east' }]);
    // Closed, the button says how many are set.
    await click(getByRole(rendered.root, 'button', 'Filters (1)'));
    expect(rowNames(rendered.root)).toEqual(['east-1', 'east-2']);

    await click(getByRole(rendered.root, 'button', 'Filters (1)'));
    await choose(getByRole(rendered.root, 'combobox', 'Status'), 'active');
    expect(fake.callsTo(InvokeChannel.serversList).at(-1)).toEqual({ status: 'active', location: 'us-east' });
    expect(rowNames(rendered.root)).toEqual(['east-2']);
    expect(hasText(rendered.root, '1 of 3 servers')).toBe(true);
  });

  it('re-asks the API filter after the fleet changes (debounced) and shows a new match', async () => {
    const servers = [makeView(makeServer(1, { name: 'east-1', location: 'us-east' }))];
    let answer = [{ accountId: 'acct', id: 1 }];
    const fake = createFakeBridge({ servers });
    fake.handle(InvokeChannel.serversList, () => ok(answer));
    const clock = createManualScheduler();
    const rendered = await popup.render(fake, { filterRefreshDelayMs: 800, scheduleLater: clock.scheduleLater });
    await click(getByRole(rendered.root, 'button', 'Filters'));
    await choose(getByRole(rendered.root, 'combobox', 'Location'), 'us-east');
    expect(rowNames(rendered.root)).toEqual(['east-1']);

    const added = makeView(makeServer(2, { name: 'east-2', location: 'us-east' }));
    answer = [...answer, { accountId: 'acct', id: 2 }];
    await settleEvent(() =>
      fake.emit(EventChannel.fleetChanged, { upserted: [added], removed: [], status: loadedStatus() }),
    );
    await settleEvent(() =>
      fake.emit(EventChannel.fleetChanged, { upserted: [added], removed: [], status: loadedStatus() }),
    );
    // Debounced: nothing is asked until the delay has passed, and two changes make one question.
    expect(fake.callsTo(InvokeChannel.serversList)).toHaveLength(1);
    expect(clock.waiting).toEqual([800]);
    await clock.runAll();
    expect(fake.callsTo(InvokeChannel.serversList)).toHaveLength(2);
    expect(rowNames(rendered.root)).toEqual(['east-1', 'east-2']);
  });

  it('applies fleet deltas and announces status changes politely', async () => {
    const web = makeServer(1, { name: 'web-01', status: 'stopped' });
    const fake = createFakeBridge({ servers: [makeView(web), makeView(makeServer(2, { name: 'db-01' }))] });
    const rendered = await popup.render(fake);
    const announcer = rendered.root.querySelector('[aria-live="polite"]')!;
    expect(announcer.textContent).toBe('');

    await settleEvent(() =>
      fake.emit(EventChannel.fleetChanged, {
        upserted: [makeView({ ...web, status: 'active' })],
        removed: ['acct:2'],
        status: loadedStatus(),
      }),
    );
    expect(rowNames(rendered.root)).toEqual(['web-01']);
    expect(rendered.root.querySelector('li[data-status="active"]')).not.toBeNull();
    expect(announcer.textContent).toContain('db-01 removed');
    expect(announcer.textContent).toContain('web-01 is now running');
  });

  it('renders only a window of rows for 5 000 servers and keeps keyboard navigation in view', async () => {
    const servers: ServerView[] = [];
    for (let id = 1; id <= 5000; id++)
      servers.push(makeView(makeServer(id, { name: `node-${String(id).padStart(4, '0')}` })));
    const rendered = await popup.render({ servers });
    const list = getByRole(rendered.root, 'list', 'Servers');
    const rendered0 = rows(rendered.root);
    expect(rendered0.length).toBeGreaterThan(5);
    expect(rendered0.length).toBeLessThan(40);
    expect(rendered0[0]!.getAttribute('aria-setsize')).toBe('5000');
    expect(hasText(rendered.root, '5,000 servers')).toBe(true);

    // One tab stop in the list: the active row.
    const first = rendered.root.querySelector<HTMLElement>('.row-main[tabindex="0"]')!;
    expect(first.textContent).toContain('node-0001');
    first.focus();
    await press(first, 'End');
    const last = rendered.root.querySelector<HTMLElement>('.row-main[tabindex="0"]')!;
    expect(last.textContent).toContain('node-5000');
    expect(document.activeElement).toBe(last);
    expect(rows(rendered.root).length).toBeLessThan(40);
    expect(list.parentElement!.scrollTop).toBeGreaterThan(0);

    await press(last, 'ArrowUp');
    expect(document.activeElement?.textContent).toContain('node-4999');
    await press(document.activeElement!, 'Home');
    expect(document.activeElement?.textContent).toContain('node-0001');
    await press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.textContent).toContain('node-0002');
  });

  it('opens the detail view with Enter/click on a row and returns with Escape', async () => {
    const rendered = await popup.render({ servers: [makeView(makeServer(7, { name: 'web-07' }))] });
    await settleEvent(() => popup.current().root.querySelector<HTMLElement>('.row-main')!.click());
    expect(getByRole(rendered.root, 'heading', 'web-07')).toBeTruthy();
    expect(rendered.fake.callsTo(InvokeChannel.serversGet)).toEqual([{ accountId: 'acct', id: 7 }]);
    await press(document.body, 'Escape');
    expect(queryByRole(rendered.root, 'list', 'Servers')).not.toBeNull();
    await press(document.body, 'Escape');
    expect(rendered.fake.callsTo(InvokeChannel.popupHide)).toHaveLength(1);
  });

  it('focuses the search box when the popup is shown again', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1))] });
    const rendered = await popup.render(fake);
    await settleEvent(() => fake.emit(EventChannel.popupShown, { view: null }));
    expect(document.activeElement).toBe(getByRole(rendered.root, 'searchbox', 'Search servers'));
  });
});

async function settleEvent(action: () => void): Promise<void> {
  const { act } = await import('preact/test-utils');
  await act(() => {
    action();
  });
  await settle();
}

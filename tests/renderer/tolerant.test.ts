// What VPS.org did not say shows as unknown (issue 8, tolerant reading): a server known only by its id
// and status still lists and opens, and entries of the list that could not be read are counted where the
// user sees them.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import type { Server, ServerDetail } from '../../common/servers';
import { createFakeBridge, loadedStatus, makeView, ok } from './fake-bridge';
import { click, hasText, queryAllByRole, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

/** A server VPS.org described by its id and status alone. */
const bare: Server = {
  id: 7,
  name: '#7',
  hostname: null,
  status: 'active',
  ip_address: null,
  location: null,
  plan: null,
  os: null,
  created_at: null,
  updated_at: null,
};
const bareDetail: ServerDetail = { ...bare, ipv6_address: null, backups_enabled: null, resource_usage: null };

describe('unknown fields', () => {
  it('a row shows "—" for an address, location and plan VPS.org did not state', async () => {
    const { root } = await popup.render({ servers: [makeView(bare)] });
    expect(root.querySelector('.row-name')?.textContent).toBe('#7');
    expect(root.querySelector('.row-meta')?.textContent).toBe('— · — · —');
  });

  it('the detail shows "—" for every field VPS.org did not state, and no meter without both ends', async () => {
    const fake = createFakeBridge({ servers: [makeView(bare)] });
    fake.handle(InvokeChannel.serversGet, () =>
      ok({
        ...bareDetail,
        plan: { id: null, name: 'Odd plan', vcpus: 2, memory: null, storage: 80, bandwidth: null },
        resource_usage: { cpu_percent: 12, memory_used: 100, disk_used: null, bandwidth_used: 3 },
      }),
    );
    const { root } = await popup.render(fake);
    await click(root.querySelector<HTMLElement>('.row-main')!);
    const fields = [...root.querySelectorAll('dl.fields dd')].map((dd) => dd.textContent);
    // IPv4, IPv6, hostname, plan, OS, location, backups, created, updated
    expect(fields).toEqual([
      '—',
      '—',
      '—',
      'Odd plan2 vCPU · — MB RAM · 80 GB disk · — GB transfer',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(queryAllByRole(root, 'meter').map((meter) => meter.getAttribute('aria-label'))).toEqual(['CPU']);
  });

  it('a detail with no plan at all shows "—" and no plan line', async () => {
    const fake = createFakeBridge({ servers: [makeView(bare)] });
    fake.handle(InvokeChannel.serversGet, () => ok(bareDetail));
    const { root } = await popup.render(fake);
    await click(root.querySelector<HTMLElement>('.row-main')!);
    expect(hasText(root, 'vCPU')).toBe(false);
    expect(hasText(root, 'No usage data yet.')).toBe(true);
  });
});

describe('entries that could not be read', () => {
  it.each([
    [1, 'Could not read 1 server.'],
    [3, 'Could not read 3 servers.'],
  ])('%i skipped: the list says so, next to the servers it could read', async (skipped, text) => {
    const { root } = await popup.render({
      servers: [makeView(makeServer(1)), makeView(bare)],
      status: loadedStatus({ skipped }),
    });
    const notice = queryAllByRole(root, 'status').find((element) => element.textContent === text);
    expect(notice?.tagName).toBe('P');
    expect(root.querySelectorAll('.row-name')).toHaveLength(2);
  });

  it.each([0, undefined])('no notice when none was skipped (%s)', async (skipped) => {
    const { root } = await popup.render({ servers: [makeView(makeServer(1))], status: loadedStatus({ skipped }) });
    expect(hasText(root, /Could not read/)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../../common/contract';
import { createFakeBridge, deferred, fail, makeView, ok, invalidParameters } from '../fake-bridge';
import type { Result } from '../../../common/contract';
import type { ServerDetail } from '../../../common/servers';
import {
  blur,
  click,
  getByRole,
  hasText,
  press,
  queryAllByRole,
  queryByRole,
  typeInto,
  type Rendered,
  popupUnderTest,
  settle,
} from '../dom';
import { makeDetail, makeServer, serverAlert } from '../../support/fixtures';

const popup = popupUnderTest();

const web = makeServer(1, { name: 'web-01', hostname: 'web01.example.com', ip_address: '203.0.113.10' });

async function openDetail(fake = createFakeBridge({ servers: [makeView(web)] })): Promise<Rendered> {
  const result = await popup.render(fake);
  await click(result.root.querySelector<HTMLElement>('.row-main')!);
  return result;
}

describe('server detail', () => {
  it('shows every field, usage against the plan as meters, and copies addresses and the SSH command', async () => {
    const rendered = await openDetail();
    const { root, fake } = rendered;
    for (const text of [
      '203.0.113.10',
      '2001:db8::1',
      'web01.example.com',
      'Standard VPS',
      '2 vCPU · 4,096 MB RAM · 80 GB disk · 2,048 GB transfer',
      'Ubuntu 22.04 LTS',
      'us-west',
      'enabled',
      'ssh root@203.0.113.10',
    ])
      expect(hasText(root, text) ? text : `missing: ${text}`).toBe(text);
    expect(hasText(root, 'Jan 10, 2025')).toBe(true);

    const meters = queryAllByRole(root, 'meter');
    expect(meters.map((meter) => meter.getAttribute('aria-label'))).toEqual(['CPU', 'Memory', 'Disk', 'Bandwidth']);
    const memory = meters[1]!;
    expect(memory.getAttribute('aria-valuemax')).toBe('4096');
    expect(memory.getAttribute('aria-valuenow')).toBe('2048');
    expect(memory.getAttribute('aria-valuetext')).toBe('2,048 of 4,096 MB');
    expect(memory.querySelector<HTMLElement>('.meter-fill')!.style.width).toBe('50.0%');

    await click(getByRole(root, 'button', 'Copy IPv6'));
    await click(getByRole(root, 'button', 'Copy SSH command'));
    expect(fake.callsTo(InvokeChannel.clipboardWrite)).toEqual(['2001:db8::1', 'ssh root@203.0.113.10']);
    expect(hasText(root, 'Copied SSH command.')).toBe(true);
  });

  it('uses IPv6 for the SSH command when there is no IPv4', async () => {
    const fake = createFakeBridge({ servers: [makeView({ ...web, ip_address: null })] });
    fake.handle(InvokeChannel.serversGet, () => ok(makeDetail({ ...web, ip_address: null }, { resource_usage: null })));
    const rendered = await openDetail(fake);
    expect(hasText(rendered.root, 'ssh root@2001:db8::1')).toBe(true);
    expect(hasText(rendered.root, 'No usage data yet.')).toBe(true);
  });

  it('shows a load error with a retry', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversGet, () =>
      fail({ kind: 'server', status: 502, message: 'VPS.org answered 502 Bad Gateway.' }),
    );
    const rendered = await openDetail(fake);
    const alert = getByRole(rendered.root, 'alert').textContent;
    expect(alert).toContain('VPS.org is having trouble (502). Try again later.');
    expect(alert).not.toContain('Bad Gateway');
    fake.handle(InvokeChannel.serversGet, () => ok(makeDetail(web)));
    await click(getByRole(rendered.root, 'button', 'Retry now'));
    expect(hasText(rendered.root, '2001:db8::1')).toBe(true);
  });

  it('while the detail loads, shows the address, hostname and plan the list knows; only what the detail alone tells waits', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    const answer = deferred<Result<ServerDetail>>();
    fake.handle(InvokeChannel.serversGet, () => answer.promise);
    const { root } = await openDetail(fake);
    const glance = root.querySelector<HTMLElement>('[data-testid="glance-fields"]');
    expect(glance?.textContent).toContain('203.0.113.10');
    expect(glance?.textContent).toContain('web01.example.com');
    expect(glance?.textContent).toContain('Standard VPS');
    expect(hasText(root, 'ssh root@203.0.113.10')).toBe(true);
    const usage = getByRole(root, 'region', 'Resource usage');
    expect(usage.textContent).toContain('Loading…');
    // Loading… only where the detail alone can tell: IPv6, backups and the usage.
    expect(root.textContent?.split('Loading…')).toHaveLength(4);
    answer.resolve(ok(makeDetail(web)));
    await settle();
    expect(hasText(root, 'Loading…')).toBe(false);
    expect(queryAllByRole(root, 'meter')).toHaveLength(4);
  });

  it('orders the detail: status, power actions, addresses, usage, alerts, the other fields, then Edit and Delete', async () => {
    const fake = createFakeBridge({
      servers: [makeView(web)],
      alerts: { servers: { 'acct:1': serverAlert('acct:1', 'web-01', 'should-run') }, pauseAll: null, attention: [] },
    });
    const { root } = await openDetail(fake);
    const view = root.querySelector<HTMLElement>('.detail-view')!;
    const order = [
      view.querySelector('.detail-head .status'),
      getByRole(view, 'button', 'Reboot web-01'),
      view.querySelector('[data-testid="glance-fields"]'),
      getByRole(view, 'heading', 'Resource usage'),
      getByRole(view, 'heading', 'Alerts'),
      view.querySelector('.more-fields'),
      getByRole(view, 'button', 'Edit'),
      getByRole(view, 'button', 'Delete'),
    ];
    expect(order.every((element) => element !== null)).toBe(true);
    const follows = order.slice(1).map((next, index) => order[index]!.compareDocumentPosition(next!));
    expect(follows.map((position) => (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)).toEqual(
      order.slice(1).map(() => true),
    );
  });

  it('refuses Delete before any typing while the server is provisioning or has an action in flight, saying why', async () => {
    const provisioning = makeServer(1, { name: 'web-01', status: 'provisioning', ip_address: null });
    const fake = createFakeBridge({ servers: [makeView(provisioning)] });
    const { root } = await openDetail(fake);
    const remove = getByRole(root, 'button', 'Delete');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(remove.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('web-01 is provisioning now; wait until it settles.');
    await click(remove);
    expect(queryByRole(root, 'textbox', 'Type web-01 to confirm')).toBeNull();

    const busy = createFakeBridge({
      servers: [makeView(web, { action: 'reboot', startedAt: 0 })],
    });
    const second = await openDetail(busy);
    const busyRemove = getByRole(second.root, 'button', 'Delete');
    expect(busyRemove.getAttribute('aria-disabled')).toBe('true');
    expect(hasText(second.root, 'web-01: wait until the current action (reboot) finishes.')).toBe(true);
  });

  it('renames inline with a PATCH of only the name; Escape cancels', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversUpdate, ({ patch }) => ok(makeDetail({ ...web, ...patch })));
    const rendered = await openDetail(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Rename web-01'));
    await press(getByRole(root, 'textbox', 'New name'), 'Escape');
    expect(queryByRole(root, 'textbox', 'New name')).toBeNull();
    expect(queryByRole(root, 'list', 'Servers')).toBeNull();

    await press(root.querySelector('.detail-view')!, 'F2');
    const input = getByRole(root, 'textbox', 'New name');
    await typeInto(input, '-bad');
    await click(getByRole(root, 'button', 'Save'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo(InvokeChannel.serversUpdate)).toEqual([]);

    await typeInto(input, 'web-02');
    await click(getByRole(root, 'button', 'Save'));
    expect(fake.callsTo(InvokeChannel.serversUpdate)).toEqual([
      { ref: { accountId: 'acct', id: 1 }, patch: { name: 'web-02' } },
    ]);
  });

  it('deletes only after the exact name is typed, then returns to the list', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversDelete, () => ok(null));
    const rendered = await openDetail(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Delete'));
    const confirm = getByRole(root, 'button', 'Delete permanently') as HTMLButtonElement;
    const input = getByRole(root, 'textbox', 'Type web-01 to confirm');
    expect(confirm.disabled).toBe(true);
    await typeInto(input, 'web-0');
    expect(confirm.disabled).toBe(true);
    await typeInto(input, 'WEB-01');
    expect(confirm.disabled).toBe(true);
    await click(confirm);
    expect(fake.callsTo(InvokeChannel.serversDelete)).toEqual([]);
    await typeInto(input, 'web-01');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(fake.callsTo(InvokeChannel.serversDelete)).toEqual([
      { ref: { accountId: 'acct', id: 1 }, confirmName: 'web-01' },
    ]);
    expect(queryByRole(root, 'list', 'Servers')).not.toBeNull();
  });

  it('says so and stays when main refuses the delete because the server now has another name', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversDelete, () =>
      fail({
        kind: 'conflict',
        message: 'This server is now called billing-db, so nothing was deleted.',
        conflict: { reason: 'name-mismatch', serverName: 'billing-db', status: 'active' },
      }),
    );
    const { root } = await openDetail(fake);
    await click(getByRole(root, 'button', 'Delete'));
    await typeInto(getByRole(root, 'textbox', 'Type web-01 to confirm'), 'web-01');
    await click(getByRole(root, 'button', 'Delete permanently'));
    expect(fake.callsTo(InvokeChannel.serversDelete)).toHaveLength(1);
    expect(
      hasText(root, 'This server is now called billing-db, so nothing was deleted. Check that it is the one you mean.'),
    ).toBe(true);
    expect(queryByRole(root, 'list', 'Servers')).toBeNull();
    expect(getByRole(root, 'button', 'Delete permanently')).not.toBeNull();
  });

  it('edits name, hostname and backups with one PUT, validating as you type', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversReplace, ({ input }) => ok(makeDetail({ ...web, ...input })));
    const rendered = await openDetail(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Edit'));
    const hostname = getByRole(root, 'textbox', 'Hostname') as HTMLInputElement;
    expect(hostname.value).toBe('web01.example.com');
    await typeInto(hostname, 'not a host');
    expect(hostname.getAttribute('aria-invalid')).toBeNull();
    await blur(hostname);
    expect(hostname.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(hostname.getAttribute('aria-describedby')!)?.textContent).toContain(
      'fully qualified',
    );
    await typeInto(hostname, 'www.example.org');
    expect(hostname.getAttribute('aria-invalid')).toBeNull();
    await click(getByRole(root, 'checkbox', 'Automatic backups'));
    await click(getByRole(root, 'button', 'Save'));
    expect(fake.callsTo(InvokeChannel.serversReplace)).toEqual([
      {
        ref: { accountId: 'acct', id: 1 },
        input: { name: 'web-01', hostname: 'www.example.org', backups_enabled: false },
      },
    ]);
    expect(root.querySelector('.detail-view')).not.toBeNull();
  });

  it('an edit of a server whose backups VPS.org did not state never switches them off', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversGet, () => ok({ ...makeDetail(web), backups_enabled: null }));
    fake.handle(InvokeChannel.serversUpdate, ({ patch }) =>
      ok({ ...makeDetail({ ...web, ...patch }), backups_enabled: null }),
    );
    fake.handle(InvokeChannel.serversReplace, ({ input }) => ok(makeDetail({ ...web, ...input })));
    const { root } = await openDetail(fake);
    await click(getByRole(root, 'button', 'Edit'));
    await typeInto(getByRole(root, 'textbox', 'Name') as HTMLInputElement, 'web-02');
    await click(getByRole(root, 'button', 'Save'));
    // Left unticked: only name and hostname go out (PATCH), backups stay as VPS.org has them.
    expect(fake.callsTo(InvokeChannel.serversUpdate)).toEqual([
      { ref: { accountId: 'acct', id: 1 }, patch: { name: 'web-02', hostname: 'web01.example.com' } },
    ]);
    expect(fake.callsTo(InvokeChannel.serversReplace)).toEqual([]);

    await click(getByRole(root, 'button', 'Edit'));
    await click(getByRole(root, 'checkbox', 'Automatic backups'));
    await click(getByRole(root, 'button', 'Save'));
    // Ticked on purpose: the full PUT, backups on.
    expect(fake.callsTo(InvokeChannel.serversReplace)).toEqual([
      {
        ref: { accountId: 'acct', id: 1 },
        input: { name: 'web-01', hostname: 'web01.example.com', backups_enabled: true },
      },
    ]);
  });

  it('maps the server’s field errors of an edit onto the fields and keeps the input', async () => {
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversReplace, () => invalidParameters({ name: ['Name already taken.'] }));
    const rendered = await openDetail(fake);
    await click(getByRole(rendered.root, 'button', 'Edit'));
    const name = getByRole(rendered.root, 'textbox', 'Name') as HTMLInputElement;
    await typeInto(name, 'db-01');
    await click(getByRole(rendered.root, 'button', 'Save'));
    expect(name.value).toBe('db-01');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(hasText(rendered.root, 'Name already taken.')).toBe(true);
  });
});

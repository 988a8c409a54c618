// The API client against a scripted HTTP server: validation of answers, input checks, and each endpoint's
// request, counted at the server. The transport and the list have their own tests (transport.test.ts,
// server-list.test.ts).
import { describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import { apiFailure } from './api-failure';
import { page, useStubClient } from './stub-client';
import { detailServer, listServer, powerReply } from './stub-server';

const TOKEN = 'tok_live_5ecret-Abc123';
const s = useStubClient(TOKEN);
const { client } = s;

describe('response validation', () => {
  it('tolerates extra fields and keeps a status it has never seen', async () => {
    s.stub.setHandler(() => ({
      status: 200,
      json: { ...page([listServer(1, { status: 'migrating', shiny: true })]), extra: 1 },
    }));
    const list = await client().listServers();
    expect(list.results[0]?.status).toBe('migrating');
  });

  it('rejects a body that is not JSON, saying it looks like a web page', async () => {
    s.stub.setHandler(() => ({ status: 200, text: '<!doctype html><html><body>Welcome</body></html>' }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('not JSON');
    expect(error.message).toContain('web page');
  });

  // Issue 8: only id and status are required now (a missing plan reads as unknown, see
  // client.tolerant.test.ts); a detail without its status is still refused, and says so.
  it('rejects a body missing required fields and names what was missing', async () => {
    const broken = detailServer(7);
    delete broken.status;
    s.stub.setHandler(() => ({ status: 200, json: broken }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('"status" is missing');
  });

  it('rejects a field of the wrong type', async () => {
    s.stub.setHandler(() => ({ status: 200, json: detailServer(7, { id: 'seven' }) }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('"id" has the wrong type');
  });

  // Issue 8: a write's empty 2xx is an acceptance now; a GET still needs a document.
  it('rejects an empty 200 body where a document is required', async () => {
    s.stub.setHandler(() => ({ status: 200, text: '' }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('empty answer');
  });
});

describe('input checks before sending', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, '5', '../admin'])(
    'refuses server id %s without a request',
    async (id) => {
      const c = client();
      for (const call of [
        () => c.getServer(id as number),
        () => c.deleteServer(id as number),
        () => c.powerAction(id as number, 'reboot'),
        () => c.updateServer(id as number, { name: 'ok' }),
      ]) {
        const error = await apiFailure(call());
        expect(error.kind).toBe('bad-request');
        expect(error.fieldErrors).toEqual({ id: ['Must be a positive whole number.'] });
      }
      expect(s.stub.requests).toHaveLength(0);
    },
  );

  it('refuses an invalid create body with English field errors and no request', async () => {
    const error = await apiFailure(client().createServer({ name: '-bad name', plan_id: 0, os_id: 1.5, location: '' }));
    expect(error.kind).toBe('bad-request');
    expect(error.fieldErrors).toEqual({
      name: ['Use letters, digits and hyphens only (not starting with a hyphen, at most 63 characters).'],
      plan_id: ['Must be a positive number.'],
      os_id: ['Must be a whole number.'],
      location: ['Must not be empty.'],
    });
    expect(error.message).toContain('Cannot create the server: name:');
    expect(s.stub.requests).toHaveLength(0);
  });

  it('refuses a PUT without all fields and an empty PATCH', async () => {
    const put = await apiFailure(client().replaceServer(3, { name: 'web-3' } as never));
    expect(put.fieldErrors).toEqual({
      hostname: ['This field is required.'],
      backups_enabled: ['This field is required.'],
    });
    const patch = await apiFailure(client().updateServer(3, {}));
    expect(patch.fieldErrors).toEqual({ non_field_errors: ['Give at least one of name, hostname, backups_enabled.'] });
    expect(s.stub.requests).toHaveLength(0);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createVpsClient({ baseUrl: 'file:///etc', token: TOKEN })).toThrow(VpsApiError);
    expect(() => createVpsClient({ baseUrl: 'not a url', token: TOKEN })).toThrow(/not a valid web address/);
  });
});

describe('endpoints and headers', () => {
  it('sends Authorization, Accept, User-Agent and a JSON Content-Type on bodies', async () => {
    s.stub.setHandler((req) => ({
      status: 201,
      json: {
        ...listServer(9, { status: 'provisioning', ip_address: null }),
        backups_enabled: false,
        message: 'Server is being provisioned.',
      },
      headers: { 'x-echo': req.method },
    }));
    const created = await client({ appVersion: '0.1.0' }).createServer({
      name: 'web-9',
      plan_id: 1,
      os_id: 5,
      location: ' us-west ',
      hostname: 'web9.example.com',
    });
    if (created === null) throw new Error('the answer names the created server');
    expect(created.status).toBe('provisioning');
    expect(created.message).toBe('Server is being provisioned.');
    const req = s.stub.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/v1/servers/');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(req.headers['user-agent']).toBe('VPS.org-Tray/0.1.0 (+https://www.vps.org/)');
    expect(JSON.parse(req.body)).toEqual({
      name: 'web-9',
      plan_id: 1,
      os_id: 5,
      location: 'us-west',
      hostname: 'web9.example.com',
    });
  });

  it('gets a server detail', async () => {
    s.stub.setHandler(() => ({ status: 200, json: detailServer(12345) }));
    const detail = await client().getServer(12345);
    expect(detail.resource_usage?.cpu_percent).toBe(23.5);
    expect(s.stub.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/servers/12345/' });
    expect(s.stub.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('PUT answers the updated detail', async () => {
    s.stub.setHandler(() => ({ status: 200, json: detailServer(3, { name: 'renamed' }) }));
    const detail = await client().replaceServer(3, {
      name: 'renamed',
      hostname: 'web3.example.com',
      backups_enabled: false,
    });
    expect(detail.name).toBe('renamed');
    expect(s.stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual(['PUT /api/v1/servers/3/']);
    expect(JSON.parse(s.stub.requests[0]!.body)).toEqual({
      name: 'renamed',
      hostname: 'web3.example.com',
      backups_enabled: false,
    });
  });

  it('PATCH with an empty 200 falls back to one GET of the detail', async () => {
    s.stub.setHandler((req) =>
      req.method === 'PATCH' ? { status: 200, text: '' } : { status: 200, json: detailServer(3, { name: 'patched' }) },
    );
    const detail = await client().updateServer(3, { name: 'patched' });
    expect(detail.name).toBe('patched');
    expect(s.stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual([
      'PATCH /api/v1/servers/3/',
      'GET /api/v1/servers/3/',
    ]);
    expect(JSON.parse(s.stub.requests[0]!.body)).toEqual({ name: 'patched' });
  });

  it('DELETE 204 resolves to nothing', async () => {
    s.stub.setHandler(() => ({ status: 204 }));
    await expect(client().deleteServer(3)).resolves.toBeUndefined();
    expect(s.stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual(['DELETE /api/v1/servers/3/']);
  });

  it('start, stop and reboot POST to their own paths, once each', async () => {
    s.stub.setHandler((req) => {
      const action = /\/(start|stop|reboot)\/$/.exec(req.url)?.[1] ?? '';
      const status = { start: 'starting', stop: 'stopping', reboot: 'rebooting' }[action] ?? 'unknown';
      return { status: 200, json: powerReply(3, status) };
    });
    const c = client();
    expect((await c.powerAction(3, 'start')).server?.status).toBe('starting');
    expect((await c.powerAction(3, 'stop')).server?.status).toBe('stopping');
    expect((await c.powerAction(3, 'reboot')).message).toBe('Server is rebooting');
    expect(s.stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual([
      'POST /api/v1/servers/3/start/',
      'POST /api/v1/servers/3/stop/',
      'POST /api/v1/servers/3/reboot/',
    ]);
  });

  it('exposes the base URL without a trailing slash, defaulting to VPS.org', () => {
    expect(createVpsClient({ token: TOKEN }).baseUrl).toBe('https://admin.vps.org/api/v1');
    expect(createVpsClient({ token: TOKEN, baseUrl: `${s.stub.baseUrl}/` }).baseUrl).toBe(s.stub.baseUrl);
  });

  it('fits the VpsClient the core codes against', async () => {
    s.stub.setHandler(() => ({ status: 200, json: page([listServer(1)]) }));
    const api: VpsClient = client();
    expect((await api.listServers()).results).toHaveLength(1);
  });
});

// What every request carries, as a local server receives it: `Accept: application/json`, a User-Agent
// naming the app and its version (from package.json, passed in by the caller), and on every POST, PUT
// and PATCH `Content-Type: application/json` with a JSON body (`{}` for the power actions, which have no
// input). GET and DELETE carry no body and no Content-Type.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { appUserAgent } from '../../main/api/http';
import {
  detailServer,
  listServer,
  powerReply,
  startStubServer,
  type StubRequest,
  type StubServer,
} from './stub-server';

const TOKEN = 'tok_live_headers-Abc123';
const APP_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const USER_AGENT = `VPS.org-Tray/${APP_VERSION} (+https://www.vps.org/)`;

let stub: StubServer;

beforeEach(async () => {
  stub = await startStubServer((req, origin) => {
    const path = req.url.split('?')[0] ?? '';
    if (/\/(start|stop|reboot)\/$/.test(path)) return { status: 200, json: powerReply(3, 'starting') };
    if (req.method === 'DELETE') return { status: 204 };
    if (req.method === 'POST') return { status: 201, json: { ...detailServer(9), message: 'Provisioning.' } };
    if (path.endsWith('/servers/')) {
      // Two pages, so the follow-up request of pagination is checked too.
      const second = req.url.includes('page=2');
      return {
        status: 200,
        json: {
          count: 2,
          next: second ? null : `${origin}/api/v1/servers/?page=2`,
          previous: null,
          results: [listServer(second ? 2 : 1)],
        },
      };
    }
    return { status: 200, json: detailServer(3) };
  });
});
afterEach(async () => {
  await stub.close();
});

function client(overrides: Partial<VpsClientOptions> = {}): VpsClient {
  return createVpsClient({
    baseUrl: stub.baseUrl,
    token: TOKEN,
    timeoutMs: 2_000,
    appVersion: APP_VERSION,
    ...overrides,
  });
}

/** Every endpoint once, in a fixed order. */
async function callEveryEndpoint(c: VpsClient): Promise<void> {
  await c.listServers();
  await c.getServer(3);
  await c.createServer({ name: 'web-9', plan_id: 1, os_id: 5, location: 'us-west', hostname: 'web9.example.com' });
  await c.replaceServer(3, { name: 'web-3', hostname: 'web3.example.com', backups_enabled: true });
  await c.updateServer(3, { name: 'web-3b' });
  await c.powerAction(3, 'start');
  await c.powerAction(3, 'stop');
  await c.powerAction(3, 'reboot');
  await c.deleteServer(3);
}

const line = (req: StubRequest) => `${req.method} ${req.url}`;

describe('request headers', () => {
  it('every request asks for JSON and names the app with its version from package.json', async () => {
    await callEveryEndpoint(client());
    expect(stub.requests.map(line)).toEqual([
      'GET /api/v1/servers/',
      'GET /api/v1/servers/?page=2',
      'GET /api/v1/servers/3/',
      'POST /api/v1/servers/',
      'PUT /api/v1/servers/3/',
      'PATCH /api/v1/servers/3/',
      'POST /api/v1/servers/3/start/',
      'POST /api/v1/servers/3/stop/',
      'POST /api/v1/servers/3/reboot/',
      'DELETE /api/v1/servers/3/',
    ]);
    for (const req of stub.requests) {
      expect({ request: line(req), accept: req.headers.accept, userAgent: req.headers['user-agent'] }).toEqual({
        request: line(req),
        accept: 'application/json',
        userAgent: USER_AGENT,
      });
      expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('every POST, PUT and PATCH says its body is JSON and sends JSON; power actions send {}', async () => {
    await callEveryEndpoint(client());
    const writes = stub.requests.filter((req) => ['POST', 'PUT', 'PATCH'].includes(req.method));
    expect(writes).toHaveLength(6);
    for (const req of writes) {
      expect({ request: line(req), contentType: req.headers['content-type'] }).toEqual({
        request: line(req),
        contentType: 'application/json',
      });
      expect(() => JSON.parse(req.body) as unknown).not.toThrow();
    }
    const powerBodies = writes.filter((req) => /\/(start|stop|reboot)\/$/.test(req.url)).map((req) => req.body);
    expect(powerBodies).toEqual(['{}', '{}', '{}']);
    expect(JSON.parse(writes.find((req) => req.method === 'PATCH')!.body)).toEqual({ name: 'web-3b' });
  });

  it('GET and DELETE carry no body and no Content-Type', async () => {
    await callEveryEndpoint(client());
    const reads = stub.requests.filter((req) => req.method === 'GET' || req.method === 'DELETE');
    expect(reads).toHaveLength(4);
    for (const req of reads) {
      expect({ request: line(req), contentType: req.headers['content-type'], body: req.body }).toEqual({
        request: line(req),
        contentType: undefined,
        body: '',
      });
    }
  });

  it('the follow-up GET after an empty PATCH answer carries the same headers', async () => {
    stub.setHandler((req) =>
      req.method === 'PATCH' ? { status: 200, text: '' } : { status: 200, json: detailServer(3) },
    );
    await client().updateServer(3, { backups_enabled: false });
    expect(stub.requests.map(line)).toEqual(['PATCH /api/v1/servers/3/', 'GET /api/v1/servers/3/']);
    expect(stub.requests[1]?.headers).toMatchObject({ accept: 'application/json', 'user-agent': USER_AGENT });
  });

  it('without a version the User-Agent still names the app, never the runtime', async () => {
    await client({ appVersion: undefined }).getServer(3);
    expect(stub.requests[0]?.headers['user-agent']).toBe('VPS.org-Tray (+https://www.vps.org/)');
  });
});

describe('appUserAgent', () => {
  it('is one product token with the version, and a comment pointing at VPS.org', () => {
    expect(appUserAgent('0.1.0')).toBe('VPS.org-Tray/0.1.0 (+https://www.vps.org/)');
    expect(appUserAgent('1.2.3-beta.4+build.5')).toBe('VPS.org-Tray/1.2.3-beta.4+build.5 (+https://www.vps.org/)');
    expect(appUserAgent()).toBe('VPS.org-Tray (+https://www.vps.org/)');
  });

  it('drops what a product version may not hold (spaces, comments, line breaks)', () => {
    expect(appUserAgent('1.0 (evil)\r\nX-Injected: 1')).toBe('VPS.org-Tray/1.0evilX-Injected1 (+https://www.vps.org/)');
    expect(appUserAgent(' ')).toBe('VPS.org-Tray (+https://www.vps.org/)');
  });
});

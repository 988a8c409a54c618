// The preview's bridge accepts only its own page: a per-run token written into the page it serves,
// required on every bridge request, and its own Host. A stand-in build folder (a page and a bridge
// file) is enough: the server, simulator and core are real.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectBridge, isPreviewToken, PREVIEW_TOKEN_HEADER, startPreview, type Preview } from '../../dev/preview';
import { send } from './send';

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'" />
<script type="module" crossorigin src="./assets/index.js"></script>
</head><body></body></html>`;

let assetsDir: string;
let preview: Preview;
let other: Preview;

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'vps-preview-'));
  mkdirSync(join(assetsDir, 'renderer'));
  writeFileSync(join(assetsDir, 'renderer', 'index.html'), PAGE);
  writeFileSync(join(assetsDir, 'http-bridge.js'), '/* bridge */');
  preview = await startPreview({ port: 0, servers: 2, assetsDir });
  other = await startPreview({ port: 0, servers: 2, assetsDir });
});
afterAll(async () => {
  await preview.close();
  await other.close();
  rmSync(assetsDir, { recursive: true, force: true });
});

const ipcUrl = () => new URL('__ipc/vps%3Aauth%3Astate', preview.url).toString();
const ownHeaders = () => ({
  origin: new URL(preview.url).origin,
  referer: preview.url,
  'content-type': 'application/json',
});
const call = (headers: Record<string, string>) => send(ipcUrl(), { method: 'POST', headers, body: '{}' });

describe('preview token', () => {
  it('each run makes its own token and writes it into the page it serves, before the bridge', async () => {
    expect(preview.token).toMatch(/^[\w-]{43}$/);
    expect(other.token).not.toBe(preview.token);
    const page = await send(preview.url);
    expect(page.status).toBe(200);
    const meta = `<meta name="vps-preview-token" content="${preview.token}" />`;
    expect(page.body).toContain(meta);
    expect(page.body.indexOf(meta)).toBeLessThan(page.body.indexOf('<script src="./__bridge.js">'));
    expect(page.body.indexOf('<script src="./__bridge.js">')).toBeLessThan(page.body.indexOf('type="module"'));
    expect(page.body).toContain("connect-src 'self'");
  });

  it('refuses IPC calls from the right origin and referer without the token, or with a wrong one', async () => {
    expect((await call(ownHeaders())).status).toBe(403);
    expect((await call({ ...ownHeaders(), [PREVIEW_TOKEN_HEADER]: other.token })).status).toBe(403);
    expect((await call({ ...ownHeaders(), [PREVIEW_TOKEN_HEADER]: `${preview.token}x` })).status).toBe(403);
    // The event stream's query parameter is not accepted for calls.
    const viaQuery = await send(`${ipcUrl()}?token=${preview.token}`, {
      method: 'POST',
      headers: ownHeaders(),
      body: '{}',
    });
    expect(viaQuery.status).toBe(403);
    const own = await call({ ...ownHeaders(), [PREVIEW_TOKEN_HEADER]: preview.token });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: { mode: 'token' } });
  });

  it('the token does not replace the other checks: a foreign origin is refused even with it', async () => {
    const foreign = await call({
      ...ownHeaders(),
      origin: 'http://evil.example',
      [PREVIEW_TOKEN_HEADER]: preview.token,
    });
    expect(foreign.status).toBe(403);
  });

  it('opens the event stream only with the token', async () => {
    const events = (query: string) =>
      send(new URL(`__events${query}`, preview.url).toString(), { headers: { referer: preview.url } });
    expect((await events('')).status).toBe(403);
    expect((await events(`?token=${other.token}`)).status).toBe(403);
    expect((await events(`?token=${encodeURIComponent(preview.token)}`)).status).toBe(200);
  });

  it('answers nothing, not even the page, to a host name that is not its own (DNS rebinding)', async () => {
    const port = new URL(preview.url).port;
    const rebound = await send(preview.url, { headers: { host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain(preview.token);
    const reboundCall = await send(ipcUrl(), {
      method: 'POST',
      headers: { ...ownHeaders(), host: `attacker.example:${port}`, [PREVIEW_TOKEN_HEADER]: preview.token },
      body: '{}',
    });
    expect(reboundCall.status).toBe(421);
  });

  it('compares tokens whole, and puts only URL-safe ones into a page', () => {
    expect(isPreviewToken('abc', 'abc')).toBe(true);
    expect(isPreviewToken('abd', 'abc')).toBe(false);
    expect(isPreviewToken('ab', 'abc')).toBe(false);
    expect(isPreviewToken('', 'abc')).toBe(false);
    expect(isPreviewToken(undefined, 'abc')).toBe(false);
    expect(() => injectBridge(PAGE, '"><script>')).toThrow(/URL-safe/);
  });
});

describe('preview with several accounts', () => {
  it('--accounts 2 starts two simulated accounts with different servers, in one merged list', async () => {
    const two = await startPreview({ port: 0, servers: 4, accounts: 2, assetsDir });
    try {
      expect(two.backend.sims).toHaveLength(2);
      const [first, second] = two.backend.sims;
      expect(first!.baseUrl).not.toBe(second!.baseUrl);
      await two.backend.core.refreshNow();
      expect(two.backend.core.authState()).toMatchObject({
        mode: 'token',
        accounts: [{ label: 'VPS.org' }, { label: 'Account 2' }],
      });
      // What the page gets when it subscribes through the preview's bridge.
      const subscribe = await send(new URL('__ipc/vps%3Afleet%3Asubscribe', two.url).toString(), {
        method: 'POST',
        headers: {
          origin: new URL(two.url).origin,
          referer: two.url,
          'content-type': 'application/json',
          [PREVIEW_TOKEN_HEADER]: two.token,
        },
        body: '{}',
      });
      expect(subscribe.status).toBe(200);
      const snapshot = JSON.parse(subscribe.body) as {
        value: { servers: Array<{ accountId: string; server: { name: string } }> };
      };
      const byAccount = new Map<string, string[]>();
      for (const view of snapshot.value.servers)
        byAccount.set(view.accountId, [...(byAccount.get(view.accountId) ?? []), view.server.name]);
      expect([...byAccount.keys()].toSorted()).toEqual(['account-2', 'default']);
      expect(byAccount.get('default')).toHaveLength(4);
      expect(byAccount.get('account-2')).toHaveLength(3);
      // Different servers, not the same account twice.
      expect(byAccount.get('account-2')!.some((name) => !byAccount.get('default')!.includes(name))).toBe(true);
    } finally {
      await two.close();
    }
  });
});

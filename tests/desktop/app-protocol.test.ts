import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeOf,
  POPUP_PAGE_URL,
  resolveAppFile,
  serveAppRequest,
  type AppProtocolDeps,
} from '../../main/desktop/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/desktop/security';

// A built renderer folder, with a secret file beside it (and one in a sibling sharing its prefix).
let base: string;
let root: string;
let deps: AppProtocolDeps;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'vps-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>popup</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'import("./DetailView-xyz.js")');
  writeFileSync(join(root, 'assets', 'DetailView-xyz.js'), 'export default 1');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'a b.js'), 'export {}');
  writeFileSync(join(base, 'secret.txt'), 'token');
  mkdirSync(join(base, 'renderer-x'));
  writeFileSync(join(base, 'renderer-x', 'secret.txt'), 'token');
  deps = { root, readFile: (path) => readFile(path) };
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => serveAppRequest({ url, method: 'GET' }, deps);

describe('the app: scheme', () => {
  it('is a standard, secure scheme with V8 code cache and the popup page lives at app://popup/index.html', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, codeCache: true });
    expect(POPUP_PAGE_URL).toBe('app://popup/index.html');
  });

  it('serves the page, its lazy chunks and styles with their MIME types and the CSP on each', async () => {
    const cases = [
      [POPUP_PAGE_URL, 'text/html; charset=utf-8', '<!doctype html><title>popup</title>'],
      ['app://popup/assets/index-abc.js', 'text/javascript; charset=utf-8', 'import("./DetailView-xyz.js")'],
      ['app://popup/assets/DetailView-xyz.js', 'text/javascript; charset=utf-8', 'export default 1'],
      ['app://popup/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://popup/assets/a%20b.js?v=1#x', 'text/javascript; charset=utf-8', 'export {}'],
      ['app://popup/', 'text/html; charset=utf-8', '<!doctype html><title>popup</title>'],
    ] as const;
    const served = await Promise.all(
      cases.map(async ([url]) => {
        const response = await get(url);
        return [
          url,
          response.status,
          response.headers.get('content-type'),
          response.headers.get('content-security-policy'),
          response.headers.get('x-content-type-options'),
          await response.text(),
        ];
      }),
    );
    expect(served).toEqual(
      cases.map(([url, type, body]) => [url, 200, type, CONTENT_SECURITY_POLICY, 'nosniff', body]),
    );
  });

  it('refuses every way out of the renderer folder, with the CSP on the refusal too', async () => {
    const attempts = [
      'app://popup/../secret.txt',
      'app://popup/%2e%2e/secret.txt',
      'app://popup/..%2Fsecret.txt',
      'app://popup/assets/..%2F..%2Fsecret.txt',
      'app://popup/%2E%2E%2F%2E%2E%2Frenderer-x%2Fsecret.txt',
      'app://popup/..%5Csecret.txt',
      `app://popup/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://popup/index.html%00.js',
      'app://popup/%E0%A4%A',
    ];
    const answers = await Promise.all(
      attempts.map(async (url) => {
        const response = await get(url);
        return [url, response.status, response.headers.get('content-security-policy'), await response.text()];
      }),
    );
    // 403 when the URL leaves the folder, 404 when it stays inside and names nothing; never the secret.
    expect(answers).toEqual(attempts.map((url) => [url, expect.toBeOneOf([403, 404]), CONTENT_SECURITY_POLICY, '']));
    expect(resolveAppFile('app://popup/..%2Fsecret.txt', root)).toBeNull();
    expect(resolveAppFile('app://popup/..%2Frenderer-x%2Fsecret.txt', root)).toBeNull();
    expect(resolveAppFile('app://popup/assets/..%2Findex.html', root)).toBe(join(root, 'index.html'));
  });

  it('answers only its own host and scheme, without credentials', () => {
    expect(resolveAppFile('app://popup/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('app://user:pw@popup/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///index.html', root)).toBeNull();
    expect(resolveAppFile('not a url', root)).toBeNull();
  });

  it('answers 404 for a missing file or a folder, 405 for anything but GET and HEAD', async () => {
    expect((await get('app://popup/assets/missing.js')).status).toBe(404);
    expect((await get('app://popup/assets')).status).toBe(404);
    expect((await serveAppRequest({ url: POPUP_PAGE_URL, method: 'POST' }, deps)).status).toBe(405);
    const head = await serveAppRequest({ url: POPUP_PAGE_URL, method: 'HEAD' }, deps);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('names unknown files opaque bytes, never something a browser would run', () => {
    expect(contentTypeOf('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('x.map')).toBe('application/octet-stream');
    expect(contentTypeOf('README')).toBe('application/octet-stream');
  });
});

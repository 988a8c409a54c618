import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  applySecurityPolicy,
  withSecurityHeaders,
  type HeadersReceivedDetails,
  type PreventableEvent,
  type SecurityAppLike,
  type SessionLike,
  type WebContentsLike,
} from '../../main/desktop/security';

function fakes() {
  let contentsCreated: ((event: unknown, contents: WebContentsLike) => void) | null = null;
  let headersListener:
    | ((
        details: HeadersReceivedDetails,
        callback: (r: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void)
    | null = null;
  let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  let checkHandler: ((wc: unknown, permission: string) => boolean) | null = null;
  const app = {
    on: vi.fn<(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void) => void>(
      (_event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void) => {
        contentsCreated = listener;
      },
    ),
  } satisfies SecurityAppLike;
  const session = {
    webRequest: {
      onHeadersReceived: (listener: NonNullable<typeof headersListener>) => {
        headersListener = listener;
      },
    },
    setPermissionRequestHandler: (handler: NonNullable<typeof requestHandler>) => {
      requestHandler = handler;
    },
    setPermissionCheckHandler: (handler: NonNullable<typeof checkHandler>) => {
      checkHandler = handler;
    },
  } satisfies SessionLike;
  applySecurityPolicy({ app, session });
  return {
    createContents() {
      const listeners = new Map<string, (event: PreventableEvent) => void>();
      let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
      const contents: WebContentsLike = {
        on: (event, listener) => listeners.set(event, listener),
        setWindowOpenHandler: (handler) => {
          openHandler = handler;
        },
      };
      contentsCreated!({}, contents);
      return {
        fire(event: string) {
          const preventDefault = vi.fn<() => void>();
          listeners.get(event)?.({ preventDefault });
          return preventDefault;
        },
        open: (url: string) => openHandler!({ url }),
      };
    },
    headers: (details: HeadersReceivedDetails) =>
      new Promise<Record<string, string | string[]> | undefined>((resolve) =>
        headersListener!(details, (response) => resolve(response.responseHeaders)),
      ),
    request: (permission: string) => new Promise<boolean>((resolve) => requestHandler!({}, permission, resolve)),
    check: (permission: string) => checkHandler!({}, permission),
  };
}

describe('security', () => {
  it("allows only the app's own scripts and styles, no connections, no framing", () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('renderer/index.html carries the same policy in its <meta>, less what a <meta> cannot carry', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
  });

  it('blocks navigation, redirects, webviews and window.open in every webContents', () => {
    const f = fakes();
    const contents = f.createContents();
    expect(contents.fire('will-navigate')).toHaveBeenCalledTimes(1);
    expect(contents.fire('will-redirect')).toHaveBeenCalledTimes(1);
    expect(contents.fire('will-attach-webview')).toHaveBeenCalledTimes(1);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('sets the CSP header on responses, replacing a weaker one', async () => {
    const f = fakes();
    const headers = await f.headers({
      url: 'file:///app/dist/renderer/index.html',
      responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('denies every permission request and check', async () => {
    const f = fakes();
    await expect(f.request('notifications')).resolves.toBe(false);
    await expect(f.request('media')).resolves.toBe(false);
    expect(f.check('clipboard-read')).toBe(false);
  });
});

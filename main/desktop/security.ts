// Hardening of every web page the app creates: a strict Content-Security-Policy (response header here
// and on every `app:` response, app-protocol.ts; the same string in renderer/index.html's <meta> for
// any load without headers), no
// navigation, no new windows, no <webview>, and every permission denied. Electron objects are injected.

/** The popup loads only its own bundled script and styles and talks to nothing but the preload bridge. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The same policy for renderer/index.html's <meta>: browsers ignore `frame-ancestors` there (and log
 * an error), so only the response header carries it.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

type Headers = Record<string, string | string[]>;

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Headers;
}

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Headers }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SecurityAppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

/** Adds the CSP (replacing any other one) and nosniff to a response's headers. */
export function withSecurityHeaders(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'x-content-type-options') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  result['X-Content-Type-Options'] = ['nosniff'];
  return result;
}

/** The same rules for every webContents (the popup, and anything that might ever be created). */
function lockDownWebContents(contents: WebContentsLike, log?: (message: string) => void): void {
  const block = (what: string) => (event: PreventableEvent) => {
    event.preventDefault();
    log?.(`Blocked ${what}`);
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', block('webview'));
  contents.setWindowOpenHandler(() => {
    log?.('Blocked window.open');
    return { action: 'deny' };
  });
}

export interface SecurityDeps {
  app: SecurityAppLike;
  session: SessionLike;
  log?: (message: string) => void;
}

/** Call before any window is created (the web-contents-created hook must be in place first). */
export function applySecurityPolicy(deps: SecurityDeps): void {
  deps.app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, deps.log));
  deps.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  deps.session.setPermissionRequestHandler((_webContents, permission, callback) => {
    deps.log?.(`Denied permission request: ${permission}`);
    callback(false);
  });
  deps.session.setPermissionCheckHandler(() => false);
}

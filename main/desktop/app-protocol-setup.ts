// The popup's `app:` scheme (app-protocol.ts) in Electron: declared privileged before `ready`, then
// served from the built renderer folder on the default session, which the popup uses.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';

/** Call before `app` is ready (Electron accepts scheme privileges only then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Call once ready, before the popup loads. `root`: the built renderer folder. */
export function setupAppProtocol(deps: { root: string }): void {
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request, { root: deps.root, readFile: (path) => readFile(path) }),
  );
}

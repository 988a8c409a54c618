// The security policy (security.ts) on the app and its default session. Call before any window is
// created.
import { app, session } from 'electron';
import type { Log } from '../app-log';
import { applySecurityPolicy } from './security';

export function setupSecurity(deps: { log: Log }): void {
  applySecurityPolicy({ app, session: session.defaultSession, log: (message) => deps.log('info', message) });
}

// Storage: settings.json and vault.json in the user-data folder, with notices for a file that was
// unusable and moved aside (stores.ts).
import { app } from 'electron';
import type { Log } from '../app-log';
import { openAppStores, type AppStores } from './stores';

export function setupStores(deps: { log: Log }): AppStores {
  return openAppStores({ directory: app.getPath('userData'), log: deps.log });
}

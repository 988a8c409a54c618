// The "Copy diagnostics" report built from what the core knows: loaded by main/features/diagnostics.ts
// the first time a user asks for it (a chunk of its own), so the start never parses it.
import type { AuthState, UpdateState } from '../../common/contract';
import type { FleetState } from '../fleet/state';
import type { AppInfoPort } from '../ports';
import type { SettingsAccess } from '../features/settings';
import { describeEnvironment, type DiagnosticsEnvironment } from './environment';
import { historyFacts, type HistorySources } from './history-facts';
import type { RecentLine } from './recent-log';
import { buildDiagnosticsReport, type Scrubbing } from './report';

/** What the desktop edge adds: Electron's facts and the log's last warnings and errors. */
export interface DiagnosticsPort {
  environment?: DiagnosticsEnvironment;
  recentLines?: () => RecentLine[];
}

/** Where the report's facts come from. */
export interface ReportSources {
  port?: DiagnosticsPort;
  appInfo: AppInfoPort;
  settings: Pick<SettingsAccess, 'get'>;
  fleet: Pick<FleetState, 'views'>;
  auth: () => AuthState;
  /** How many accounts are open (no labels); a small function so several accounts count as they come. */
  accountCount: () => number;
  /** Labels of the open accounts: taken out of the log lines like server names. */
  accountLabels: () => string[];
  updates: () => UpdateState;
  /** The history's events and file (counted; listed with names only when they are included). */
  history?: HistorySources;
  redact: (text: string) => string;
  now: () => number;
}

const hostOf = (address: string): string | null => {
  try {
    return new URL(address).hostname;
  } catch {
    return null;
  }
};

/** The report's text, scrubbed of the token and (unless asked) of server names and addresses. */
export function createDiagnosticsReport(deps: ReportSources): (includeServerNames: boolean) => string {
  const environment =
    deps.port?.environment ??
    describeEnvironment({
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      env: process.env,
      osRelease: '',
    });

  /** Everything of the user's servers the app knows by name: what a report leaves out by default. */
  function known(): Scrubbing['known'] {
    const entries: Scrubbing['known'] = [];
    for (const { server } of deps.fleet.views()) {
      entries.push({ text: server.name, as: '[server]' });
      if (server.hostname) entries.push({ text: server.hostname, as: '[host]' });
      if (server.ip_address) entries.push({ text: server.ip_address, as: '[ip]' });
    }
    for (const label of deps.accountLabels()) entries.push({ text: label, as: '[account]' });
    const apiHost = hostOf(deps.settings.get().apiBaseUrl);
    if (apiHost) entries.push({ text: apiHost, as: '[host]' });
    return entries;
  }

  return (includeServerNames) => {
    const settings = deps.settings.get();
    const auth = deps.auth();
    return buildDiagnosticsReport(
      {
        appVersion: deps.appInfo.version,
        environment,
        language: settings.language,
        systemLocale: deps.appInfo.systemLocale,
        keychain: auth.mode === 'token' ? { backend: auth.storage.backend, persisted: auth.storage.persisted } : null,
        accounts: deps.accountCount(),
        demo: auth.mode === 'demo',
        pollIntervals: settings.pollIntervals,
        notifications: settings.notifications,
        autoUpdate: settings.autoUpdate,
        updates: deps.updates(),
        recent: deps.port?.recentLines?.() ?? [],
        ...(deps.history && { history: historyFacts(deps.history, settings.historyKeepDays, includeServerNames) }),
        now: deps.now(),
      },
      { redact: deps.redact, includeServerNames, known: known() },
    );
  };
}

// "Copy diagnostics": the report (main/diagnostics/report.ts) built from what the core knows, scrubbed of
// the token and (unless asked) of server names and addresses, and put on the clipboard by main, so the
// popup never holds the text.
import { z } from 'zod';
import { InvokeChannel, type AuthState, type UpdateState } from '../../common/contract';
import { buildDiagnosticsReport, type Scrubbing } from '../diagnostics/report';
import { describeEnvironment, type DiagnosticsEnvironment } from '../diagnostics/environment';
import type { RecentLine } from '../diagnostics/recent-log';
import type { FleetState } from '../fleet/state';
import type { RouterHandlers } from '../ipc/router';
import { withSchema, type PayloadValidators } from '../ipc/validators';
import type { AppInfoPort, ClipboardPort } from '../ports';
import type { SettingsAccess } from './settings';

type DiagnosticsChannel = typeof InvokeChannel.diagnosticsCopy;

export const diagnosticsValidators: Pick<PayloadValidators, DiagnosticsChannel> = {
  [InvokeChannel.diagnosticsCopy]: withSchema(z.object({ includeServerNames: z.boolean() }).strict()),
};

/** What the desktop edge adds: Electron's facts and the log's last warnings and errors. */
export interface DiagnosticsPort {
  environment?: DiagnosticsEnvironment;
  recentLines?: () => RecentLine[];
}

export interface DiagnosticsFeatureDeps {
  port?: DiagnosticsPort;
  appInfo: AppInfoPort;
  clipboard: ClipboardPort;
  settings: Pick<SettingsAccess, 'get'>;
  fleet: Pick<FleetState, 'views'>;
  auth: () => AuthState;
  /** How many accounts are open (no labels); a small function so several accounts count as they come. */
  accountCount: () => number;
  /** Labels of the open accounts: taken out of the log lines like server names. */
  accountLabels: () => string[];
  updates: () => UpdateState;
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

export function createDiagnosticsFeature(deps: DiagnosticsFeatureDeps) {
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

  function report(includeServerNames: boolean): string {
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
        now: deps.now(),
      },
      { redact: deps.redact, includeServerNames, known: known() },
    );
  }

  return {
    report,
    handlers: {
      [InvokeChannel.diagnosticsCopy]: ({ includeServerNames }) => {
        deps.clipboard.writeText(report(includeServerNames));
        return null;
      },
    } satisfies Pick<RouterHandlers, DiagnosticsChannel>,
  };
}

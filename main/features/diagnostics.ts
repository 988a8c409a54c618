// "Copy diagnostics": the report (main/diagnostics/copy.ts over main/diagnostics/report.ts) is loaded the
// first time the user asks for it, like the updater and the API client: the start never parses it. Main
// puts the text on the clipboard, so the popup never holds it.
import { z } from 'zod';
import { InvokeChannel } from '../../common/contract';
import type { ReportSources } from '../diagnostics/copy';
import type { RouterHandlers } from '../ipc/router';
import { withSchema, type PayloadValidators } from '../ipc/validators';
import type { ClipboardPort } from '../ports';

export type { DiagnosticsPort } from '../diagnostics/copy';

type DiagnosticsChannel = typeof InvokeChannel.diagnosticsCopy;

export const diagnosticsValidators: Pick<PayloadValidators, DiagnosticsChannel> = {
  [InvokeChannel.diagnosticsCopy]: withSchema(z.object({ includeServerNames: z.boolean() }).strict()),
};

export interface DiagnosticsFeatureDeps extends ReportSources {
  clipboard: ClipboardPort;
}

export function createDiagnosticsFeature(deps: DiagnosticsFeatureDeps) {
  let loading: Promise<(includeServerNames: boolean) => string> | null = null;
  const build = () =>
    (loading ??= import('../diagnostics/copy').then((module) => module.createDiagnosticsReport(deps)));
  /** The report's text; the first call loads the report's chunk. */
  const report = async (includeServerNames: boolean): Promise<string> => (await build())(includeServerNames);

  return {
    handlers: {
      [InvokeChannel.diagnosticsCopy]: async ({ includeServerNames }) => {
        deps.clipboard.writeText(await report(includeServerNames));
        return null;
      },
    } satisfies Pick<RouterHandlers, DiagnosticsChannel>,
  };
}

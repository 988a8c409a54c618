// Copying text (addresses, the ssh command) goes through main: the page is denied every permission, the clipboard's too.
import type { VpsBridge } from '../../common/bridge';
import type { Result } from '../../common/contract';

export function createClipboard(bridge: VpsBridge) {
  return {
    copy: (text: string): Promise<Result<null>> => bridge.clipboard.write(text),
    /** Main builds the diagnostics text (redacted) and copies it; the popup never holds it. */
    copyDiagnostics: (includeServerNames: boolean): Promise<Result<null>> =>
      bridge.diagnostics.copy({ includeServerNames }),
  };
}

// The app's small channels: what the app is (version, platform, start-up notices), copying a text for
// the user (an address, or the ssh command to it), hiding the popup. Each goes straight to its port.
import { InvokeChannel, type AppInfo, type AppNotice } from '../../common/contract';
import type { RouterHandlers } from '../ipc/router';
import { invalid, takesNoPayload, type PayloadValidators } from '../ipc/validators';
import type { AppInfoPort, ClipboardPort, PopupPort } from '../ports';
import { copyableIp } from '../i18n/native-text';

type AppChannel = typeof InvokeChannel.appInfo | typeof InvokeChannel.clipboardWrite | typeof InvokeChannel.popupHide;

/** Longest text the clipboard channel accepts, in UTF-8 bytes. */
const CLIPBOARD_MAX_BYTES = 4096;

/** The ssh command the popup's detail view copies (`ssh root@<address>`). */
const SSH_COMMAND = /^ssh root@(.+)$/;

/**
 * What the popup copies: a server's address, or the ssh command to it. Both come from the API, and a
 * text pasted into a terminal runs there: nothing but an address (net.isIP) is copied, so a "name" with
 * a line break and a command in it never reaches the clipboard.
 */
function isCopyable(text: string): boolean {
  const address = SSH_COMMAND.exec(text)?.[1] ?? text;
  return copyableIp(address) !== null;
}

export const appValidators: Pick<PayloadValidators, AppChannel> = {
  [InvokeChannel.appInfo]: takesNoPayload,
  [InvokeChannel.clipboardWrite]: (payload) => {
    if (typeof payload !== 'string') return invalid('Only text can be copied.');
    if (Buffer.byteLength(payload, 'utf8') > CLIPBOARD_MAX_BYTES)
      return invalid('The text is too long to copy (4 KB at most).');
    if (!isCopyable(payload)) return invalid('Only an address or the ssh command to it can be copied.');
    return { ok: true, value: payload };
  },
  [InvokeChannel.popupHide]: takesNoPayload,
};

export interface AppFeatureDeps {
  appInfo: AppInfoPort;
  clipboard: ClipboardPort;
  popup: PopupPort;
}

export interface AppFeature {
  handlers: Pick<RouterHandlers, AppChannel>;
  /** What the app is, as the popup gets it (appInfo, and the popup's bootstrap). */
  info(): AppInfo;
  /**
   * A notice found after start (an unsigned macOS build), beside the start-up ones: every popup asking
   * or shown from now on gets it; the same notice twice is kept once.
   */
  addNotice(notice: AppNotice): void;
}

export function createAppFeature(deps: AppFeatureDeps): AppFeature {
  const notices = [...(deps.appInfo.notices ?? [])];
  const info = (): AppInfo => ({
    version: deps.appInfo.version,
    platform: deps.appInfo.platform,
    systemLocale: deps.appInfo.systemLocale,
    notices: [...notices],
  });
  return {
    info,
    addNotice(notice) {
      if (!notices.some((known) => JSON.stringify(known) === JSON.stringify(notice))) notices.push(notice);
    },
    handlers: {
      [InvokeChannel.appInfo]: info,
      [InvokeChannel.clipboardWrite]: (text) => {
        deps.clipboard.writeText(text);
        return null;
      },
      [InvokeChannel.popupHide]: () => {
        deps.popup.hide();
        return null;
      },
    },
  };
}

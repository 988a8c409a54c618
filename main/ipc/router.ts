// Channel -> handler, with the sender check and the payload check in front and error mapping behind.
// Knows nothing of Electron: the desktop edge binds `handle` to ipcMain.handle, the e2e harness to
// Playwright bindings. Nothing thrown by a handler crosses IPC: every answer is a Result.
import type { InvokeChannel, InvokeRequest, InvokeResponse, IpcError, Result } from '../../common/contract';
import { InvokeChannel as Channels } from '../../common/contract';
import { redactFieldErrors, toIpcError } from './errors';
import { takesNoPayload, type PayloadValidators } from './validators';

export interface SenderInfo {
  /** The sender frame's URL. */
  url: string;
}

/** One handler per channel (a missing one is a compile error). They may throw; the router maps it. */
export type RouterHandlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
};

export interface IpcRouter {
  /** Never throws. */
  handle(channel: string, payload: unknown, sender: SenderInfo): Promise<Result<unknown>>;
  channels: readonly InvokeChannel[];
}

export interface RouterOptions {
  /**
   * The payload check of every channel (the core joins the features' checks). Without it every channel
   * takes no payload, the strictest check: nothing reaches a handler unchecked.
   */
  validators?: PayloadValidators;
  /** Receives unexpected errors (for the log); never the payload. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Removes secrets from messages before they leave (defence in depth). */
  redact?: (text: string) => string;
}

const CHANNELS: readonly InvokeChannel[] = Object.values(Channels);
const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return CHANNEL_SET.has(channel);
}

/**
 * True when `url` is the app's own page: same protocol, host and path as `expectedUrl`; query and
 * hash are ignored (the popup may use them for state). Anything unparsable is not the app.
 */
export function isAppPageUrl(url: string, expectedUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(expectedUrl);
    return (
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.username === '' &&
      actual.password === '' &&
      actual.pathname === expected.pathname
    );
  } catch {
    return false;
  }
}

export function createRouter(
  handlers: RouterHandlers,
  isTrustedSender: (sender: SenderInfo) => boolean,
  options: RouterOptions = {},
): IpcRouter {
  const validators = options.validators;
  const redact = options.redact ?? ((text: string) => text);

  async function dispatch<C extends InvokeChannel>(channel: C, payload: unknown): Promise<Result<unknown>> {
    const checked = validators ? validators[channel](payload) : takesNoPayload(payload);
    if (!checked.ok) {
      const refused: IpcError = { ...checked.error, message: redact(checked.error.message) };
      if (checked.error.fieldErrors) refused.fieldErrors = redactFieldErrors(checked.error.fieldErrors, redact);
      return { ok: false, error: refused };
    }
    const handler = handlers[channel] as (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
    try {
      const value = await handler(checked.value);
      return { ok: true, value: value ?? null };
    } catch (error) {
      const mapped = toIpcError(error, redact);
      if (mapped.kind === 'internal') options.onUnexpectedError?.(channel, error);
      return { ok: false, error: mapped };
    }
  }

  return {
    channels: CHANNELS,
    async handle(channel, payload, sender) {
      try {
        if (!isTrustedSender(sender)) {
          return { ok: false, error: { kind: 'forbidden', message: 'This page may not use the app API.' } };
        }
        if (!isInvokeChannel(channel)) {
          return { ok: false, error: { kind: 'invalid-payload', message: 'Unknown channel.' } };
        }
        return await dispatch(channel, payload);
      } catch (error) {
        options.onUnexpectedError?.(channel, error);
        return { ok: false, error: toIpcError(error, redact) };
      }
    },
  };
}

// Bridge over a Playwright binding (`page.exposeBinding('vpsHarnessInvoke', ...)`), used by the journeys.
import { installBridge } from './install-bridge';

declare global {
  interface Window {
    vpsHarnessInvoke: (channel: string, request: unknown) => Promise<unknown>;
  }
}

installBridge((channel, request) => window.vpsHarnessInvoke(channel, request));

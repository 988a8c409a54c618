// Bridge over a Playwright binding (`page.exposeBinding('__vpsInvoke', ...)`), used by the journeys.
import { installBridge } from './install-bridge';

declare global {
  interface Window {
    __vpsInvoke: (channel: string, request: unknown) => Promise<unknown>;
  }
}

installBridge((channel, request) => window.__vpsInvoke(channel, request));

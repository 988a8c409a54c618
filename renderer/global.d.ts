// `window.vps` is the preload bridge; its type is derived from createBridge, never written by hand.
import type { VpsBridge } from '../preload/bridge';

declare global {
  interface Window {
    vps: VpsBridge;
  }
}

// `window.vps` is the preload bridge; its type is derived from createBridge, never written by hand.
import type { VpsBridge } from '../common/bridge';

declare global {
  interface Window {
    vps: VpsBridge;
  }
}

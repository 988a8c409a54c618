// For comparison only, never shipped: the tray core a naive implementation would write. It polls the
// whole list every 5 s whatever happens (popup open or closed, anything changing or not) and sends the
// whole list to the popup after every poll. Same client (or VpsClient double) as ours.
import type { VpsClient } from '../../main/api/client';
import type { Server } from '../../common/servers';

export const NAIVE_POLL_MS = 5000;

export interface NaiveCore {
  start(): void;
  stop(): void;
  /** One poll and its send, as the timer runs it. */
  poll(): Promise<void>;
}

export function createNaiveCore(api: VpsClient, send: (servers: Server[]) => void): NaiveCore {
  let timer: ReturnType<typeof setInterval> | null = null;
  const poll = async () => {
    const list = await api.listServers();
    send(list.results);
  };
  return {
    start() {
      timer = setInterval(() => void poll().catch(() => {}), NAIVE_POLL_MS);
      void poll().catch(() => {});
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
    poll,
  };
}

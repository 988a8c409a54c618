// What every open session's poller does together: refresh now, re-read the interval (popup opened,
// settings changed), pause over sleep and resume after it.
import type { SessionCollection } from '../accounts/records';

export interface Polling {
  /** Polls every session now, joining polls in flight. Never rejects. */
  refresh(): Promise<void>;
  reschedule(): void;
  suspend(): void;
  resume(): void;
}

export function createPolling(sessions: SessionCollection): Polling {
  const pollers = () => sessions.list().map((session) => session.poller);
  return {
    async refresh() {
      await Promise.all(pollers().map((poller) => poller.refresh()));
    },
    reschedule: () => pollers().forEach((poller) => poller.reschedule()),
    suspend: () => pollers().forEach((poller) => poller.suspend()),
    resume: () => pollers().forEach((poller) => poller.resume()),
  };
}

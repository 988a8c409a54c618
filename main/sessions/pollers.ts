// What every open session's poller does together: refresh now, re-read the interval (popup opened,
// settings changed), suspend over sleep and resume after it.
import type { SessionCollection } from '../accounts/records';

export interface Pollers {
  /** Polls every session now, joining polls in flight. Never rejects. */
  refresh(): Promise<void>;
  reschedule(): void;
  suspend(): void;
  resume(): void;
}

export function createPollers(sessions: SessionCollection): Pollers {
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

import { describe, expect, it, vi } from 'vitest';
import type { Poller } from '../../main/fleet/poller';
import { createSessionCollection } from '../../main/sessions/collection';
import { createPolling } from '../../main/sessions/polling';
import type { Session } from '../../main/sessions/session';

function fakeSession(accountId: string) {
  const poller = {
    refresh: vi.fn<() => Promise<void>>(() => Promise.resolve()),
    reschedule: vi.fn<() => void>(),
    suspend: vi.fn<() => void>(),
    resume: vi.fn<() => void>(),
  };
  const session = { account: { id: accountId }, poller: poller as unknown as Poller } as unknown as Session;
  return { session, poller };
}

describe('polling of every session', () => {
  it('refreshes, reschedules, suspends and resumes every open session’s poller', async () => {
    const sessions = createSessionCollection();
    const polling = createPolling(sessions);
    await polling.refresh();
    const work = fakeSession('work');
    const home = fakeSession('home');
    sessions.add(work.session);
    sessions.add(home.session);
    await polling.refresh();
    polling.reschedule();
    polling.suspend();
    polling.resume();
    for (const { poller } of [work, home]) {
      expect(poller.refresh).toHaveBeenCalledTimes(1);
      expect(poller.reschedule).toHaveBeenCalledTimes(1);
      expect(poller.suspend).toHaveBeenCalledTimes(1);
      expect(poller.resume).toHaveBeenCalledTimes(1);
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createAccountRecords } from '../../main/accounts/records';
import type { Poller } from '../../main/fleet/poller';
import { createPollers } from '../../main/sessions/pollers';
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
    const records = createAccountRecords();
    const pollers = createPollers(records.sessions);
    await pollers.refresh();
    const work = fakeSession('work');
    const home = fakeSession('home');
    records.open(work.session);
    records.open(home.session);
    await pollers.refresh();
    pollers.reschedule();
    pollers.suspend();
    pollers.resume();
    for (const { poller } of [work, home]) {
      expect(poller.refresh).toHaveBeenCalledTimes(1);
      expect(poller.reschedule).toHaveBeenCalledTimes(1);
      expect(poller.suspend).toHaveBeenCalledTimes(1);
      expect(poller.resume).toHaveBeenCalledTimes(1);
    }
  });
});

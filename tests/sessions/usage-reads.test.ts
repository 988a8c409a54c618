// One round of usage reads: one server at a time, paced, and which failures are the server's alone.
import { describe, expect, it, vi } from 'vitest';
import type { ServerDetail } from '../../common/servers';
import { VpsApiError } from '../../main/api/errors';
import { createUsageReads, type UsageWatch } from '../../main/sessions/usage-reads';
import { makeDetail, makeServer } from '../support/fixtures';

function setup(getServer: (id: number) => Promise<ServerDetail>, watched: number[] = [1, 2, 3]) {
  let now = 1_000_000;
  const reports: Array<Map<number, ServerDetail>> = [];
  const logs: string[] = [];
  const watch: UsageWatch = {
    watched: () => watched,
    report: (_accountId, details) => void reports.push(new Map(details)),
  };
  const api = { getServer: vi.fn<(id: number) => Promise<ServerDetail>>(getServer) };
  const reads = createUsageReads({
    accountId: 'acc',
    api,
    watch,
    everyMs: () => 60_000,
    now: () => now,
    ended: () => false,
    log: (level, message) => void logs.push(`${level}: ${message}`),
  });
  return { reads, api, reports, logs, advance: (ms: number) => (now += ms) };
}

const detail = (id: number) => Promise.resolve(makeDetail(makeServer(id)));

describe('usage reads', () => {
  it('reads each watched server once a round, at most once per interval, and reports what was read', async () => {
    const t = setup(detail);
    await t.reads.readIfDue();
    expect(t.api.getServer.mock.calls.map(([id]) => id)).toEqual([1, 2, 3]);
    expect([...t.reports[0]!.keys()]).toEqual([1, 2, 3]);
    t.advance(59_000);
    await t.reads.readIfDue();
    expect(t.api.getServer).toHaveBeenCalledTimes(3);
    t.advance(1_000);
    await t.reads.readIfDue();
    expect(t.api.getServer).toHaveBeenCalledTimes(6);
  });

  it('nothing watched: no request and nothing reported', async () => {
    const t = setup(detail, []);
    await t.reads.readIfDue();
    expect(t.api.getServer).not.toHaveBeenCalled();
    expect(t.reports).toEqual([]);
  });

  it("another server's failure is that server's alone: logged, and the round goes on", async () => {
    const t = setup((id) =>
      id === 2 ? Promise.reject(new VpsApiError('not-found', 'Gone.', { status: 404 })) : detail(id),
    );
    await t.reads.readIfDue();
    expect(t.api.getServer).toHaveBeenCalledTimes(3);
    expect([...t.reports[0]!.keys()]).toEqual([1, 3]);
    expect(t.logs).toEqual(['warn: Usage of acc:2 not read: Gone.']);
  });

  it("the account's 429 or 401 ends the round: what was read is reported, and the poll fails with it", async () => {
    for (const error of [
      new VpsApiError('rate-limited', 'Slow down.', { status: 429, retryAfterSeconds: 120 }),
      new VpsApiError('unauthorized', 'Rejected.', { status: 401 }),
    ]) {
      const t = setup((id) => (id === 2 ? Promise.reject(error) : detail(id)));
      await expect(t.reads.readIfDue()).rejects.toBe(error);
      expect(t.api.getServer).toHaveBeenCalledTimes(2);
      expect([...t.reports[0]!.keys()]).toEqual([1]);
    }
  });
});

// One action tracker over a fleet, a clock the test moves and a scripted client that records each power
// request: shared by the tracker's tests (actions.test.ts, reconcile.test.ts).
import { VpsApiError } from '../../main/api/errors';
import type { PowerActionResponse } from '../../main/api/schemas';
import { createActionTracker } from '../../main/fleet/actions';
import type { VpsClient } from '../../main/api/client';
import { createFleetState } from '../../main/fleet/state';
import type { ActionOutcome } from '../../common/contract';
import type { Server } from '../../common/servers';

export const unused = () => Promise.reject(new Error('not used'));

export function setup(servers: Server[], power: (id: number, action: string) => Promise<PowerActionResponse>) {
  let clock = Date.parse('2025-06-02T09:00:00.250Z');
  const calls: string[] = [];
  const api: VpsClient = {
    baseUrl: 'https://admin.vps.org/api/v1',
    listServers: unused,
    getServer: unused,
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    powerAction: (id, action) => (calls.push(`${action} ${id}`), power(id, action)),
  };
  const fleet = createFleetState();
  fleet.applyList('default', servers);
  const outcomes: ActionOutcome[] = [];
  const tracker = createActionTracker({
    accountId: 'default',
    api,
    fleet,
    now: () => clock,
    onOutcome: (outcome) => void outcomes.push(outcome),
  });
  /** One poll: what the API lists, from a poll that started at `startedAt`. */
  const poll = (list: Server[], startedAt = clock) => {
    fleet.applyList('default', tracker.reconcile(list, startedAt), undefined, tracker.pendingFor);
    tracker.flushOutcomes();
  };
  return {
    api,
    fleet,
    tracker,
    outcomes,
    calls,
    poll,
    tick: (ms: number) => void (clock += ms),
    now: () => clock,
  };
}

export const accepted = (status: string): Promise<PowerActionResponse> =>
  Promise.resolve({ status: 'success', message: `Server is ${status}`, server: { id: 1, name: 'server-1', status } });

/** updated_at as the API writes it: whole seconds. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The request takes 15 s on the clock, then fails with `error`. */
export const failingAfter15s = (t: { tick: (ms: number) => void }, error: VpsApiError) => () => {
  t.tick(15_000);
  return Promise.reject(error);
};
export const timeout = () =>
  new VpsApiError('timeout', 'The reboot request timed out; VPS.org may or may not have carried it out.', {
    outcomeUnknown: true,
  });

// The history tests' fleet delta: account a1's servers (id -> status) as one poll reports them.
import type { FleetDelta, FleetStatus } from '../../common/contract';
import { makeServer } from '../support/fixtures';

/** An account's status after a good poll. */
export const POLLED: FleetStatus = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };

export function fleetDelta(
  statuses: Record<number, string>,
  accounts: Record<string, FleetStatus> = { a1: POLLED },
): FleetDelta {
  return {
    upserted: Object.entries(statuses).map(([id, status]) => ({
      key: `a1:${id}`,
      accountId: 'a1',
      server: makeServer(Number(id), { status }),
      pending: null,
    })),
    removed: [],
    status: POLLED,
    accounts,
  };
}

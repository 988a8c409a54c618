// Refusing a power action: the decision is the shared status rule; only the wording lives here.
import { describe, expect, it } from 'vitest';
import { allowedPowerActions, KNOWN_STATUSES } from '../../common/statuses';
import { conflictFailure, conflictMessage, refusalReason } from '../../main/fleet/refusal';
import { ActionRefused } from '../../main/errors';
import { toIpcError } from '../../main/ipc/errors';
import { type ConflictInfo } from '../../common/contract';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import {
  refKey,
  serverKey,
  refKey as fleetRefKey,
  refKey as popupRefKey,
  serverKey as fleetServerKey,
} from '../../common/servers';

const ACTIONS: PowerAction[] = ['start', 'stop', 'reboot'];

/** Each kind of refusal: the status and action refused, the reason as data, and its English wording. */
const REFUSALS: [ServerStatus, PowerAction, ConflictInfo['reason'], string][] = [
  ['active', 'start', 'already-running', 'web-01 is already running.'],
  ['stopped', 'reboot', 'not-running', 'web-01 is not running.'],
  ['rebooting', 'stop', 'transitional', 'web-01 is rebooting now; wait until it settles.'],
  ['suspended', 'start', 'suspended', 'web-01 is suspended; power actions are not available.'],
  ['migrating', 'reboot', 'other-status', 'web-01 is migrating, so this action is not possible now.'],
];

describe('refusalReason', () => {
  it('refuses exactly what allowedPowerActions does not allow, for every status', () => {
    for (const status of [...KNOWN_STATUSES, 'migrating', '']) {
      for (const action of ACTIONS) {
        const allowed = allowedPowerActions(status).includes(action);
        const reason = refusalReason('web-01', status, action);
        expect({ status, action, refused: reason !== null }).toEqual({ status, action, refused: !allowed });
      }
    }
  });

  it.each(REFUSALS)('%s refuses %s as %s, worded “%s”', (status, action, reason, message) => {
    const conflict = refusalReason('web-01', status, action);
    expect(conflict).toEqual({ reason, serverName: 'web-01', status });
    expect(conflict && conflictMessage(conflict)).toBe(message);
  });

  it('words an action still in flight with the action being carried out', () => {
    const conflict: ConflictInfo = {
      reason: 'in-flight',
      serverName: 'web-01',
      status: 'rebooting',
      pendingAction: 'reboot',
    };
    expect(conflictMessage(conflict)).toBe('web-01: wait until the current action (reboot) finishes.');
  });

  it('a refusal fails with the conflict kind, its English wording and the data together', () => {
    const conflict = { reason: 'already-running', serverName: 'web-01', status: 'active' } as const;
    const failure = conflictFailure(conflict);
    expect(failure).toBeInstanceOf(ActionRefused);
    expect(toIpcError(failure)).toEqual({ kind: 'conflict', message: 'web-01 is already running.', conflict });
  });
});

describe('server keys', () => {
  it('main and the popup key servers with the one function of the contract', () => {
    expect(serverKey('default', 12345)).toBe('default:12345');
    expect(refKey({ accountId: 'acc', id: 7 })).toBe('acc:7');
    expect(fleetServerKey).toBe(serverKey);
    expect(fleetRefKey).toBe(refKey);
    expect(popupRefKey).toBe(refKey);
  });
});

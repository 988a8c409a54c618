// Refusing a power action: the decision is the shared status rule; only the wording lives here.
import { describe, expect, it } from 'vitest';
import type { PowerAction } from '../../main/api/schemas';
import { allowedPowerActions, KNOWN_STATUSES } from '../../main/api/statuses';
import { conflictFailure, conflictMessage, refusalReason } from '../../main/fleet/actions';
import { IpcFailure } from '../../main/ipc/errors';
import { serverKey as fleetServerKey, refKey as fleetRefKey } from '../../main/fleet/state';
import { refKey as popupRefKey } from '../../renderer/state/fleet';
import { refKey, serverKey } from '../../preload/contract';

const ACTIONS: PowerAction[] = ['start', 'stop', 'reboot'];

/** The English wording of refusing `action` to web-01 in `status`, or null when it is allowed. */
function worded(status: string, action: PowerAction): string | null {
  const conflict = refusalReason('web-01', status, action);
  return conflict && conflictMessage(conflict, action);
}

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

  it('says why as data: the reason, the server and its status', () => {
    expect(refusalReason('web-01', 'active', 'start')).toEqual({
      reason: 'already-running',
      serverName: 'web-01',
      status: 'active',
    });
    expect(refusalReason('web-01', 'stopped', 'reboot')).toEqual({
      reason: 'not-running',
      serverName: 'web-01',
      status: 'stopped',
    });
    expect(refusalReason('web-01', 'rebooting', 'stop')).toEqual({
      reason: 'busy',
      serverName: 'web-01',
      status: 'rebooting',
    });
    expect(refusalReason('web-01', 'suspended', 'start')).toEqual({
      reason: 'suspended',
      serverName: 'web-01',
      status: 'suspended',
    });
    expect(refusalReason('web-01', 'migrating', 'reboot')).toEqual({
      reason: 'other-status',
      serverName: 'web-01',
      status: 'migrating',
    });
  });

  it('words each refusal for a person, in English, from the data', () => {
    expect(worded('active', 'start')).toBe('web-01 is already running.');
    expect(worded('stopped', 'reboot')).toBe('web-01 is not running.');
    expect(worded('rebooting', 'stop')).toBe('web-01 is rebooting; wait until it settles.');
    expect(worded('suspended', 'start')).toBe('web-01 is suspended; power actions are not available.');
    expect(worded('migrating', 'reboot')).toBe('web-01 cannot be rebooted while it is migrating.');
    expect(
      conflictMessage(
        { reason: 'in-flight', serverName: 'web-01', status: 'rebooting', pendingAction: 'reboot' },
        'stop',
      ),
    ).toBe('web-01: another action (reboot) is still in progress.');
  });

  it('a refusal fails with the conflict kind, its English wording and the data together', () => {
    const conflict = { reason: 'already-running', serverName: 'web-01', status: 'active' } as const;
    const failure = conflictFailure(conflict, 'start');
    expect(failure).toBeInstanceOf(IpcFailure);
    expect(failure.error).toEqual({ kind: 'conflict', message: 'web-01 is already running.', conflict });
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

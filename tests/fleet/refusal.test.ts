// Refusing a power action: the decision is the shared status rule; only the wording lives here.
import { describe, expect, it } from 'vitest';
import type { PowerAction } from '../../main/api/schemas';
import { allowedPowerActions, KNOWN_STATUSES } from '../../main/api/statuses';
import { refusalReason } from '../../main/fleet/actions';
import { serverKey as fleetServerKey, refKey as fleetRefKey } from '../../main/fleet/state';
import { refKey as popupRefKey } from '../../renderer/state/fleet';
import { refKey, serverKey } from '../../preload/contract';

const ACTIONS: PowerAction[] = ['start', 'stop', 'reboot'];

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

  it('words each refusal for a person', () => {
    expect(refusalReason('web-01', 'active', 'start')).toBe('web-01 is already running.');
    expect(refusalReason('web-01', 'stopped', 'reboot')).toBe('web-01 is not running.');
    expect(refusalReason('web-01', 'rebooting', 'stop')).toBe('web-01 is rebooting; wait until it settles.');
    expect(refusalReason('web-01', 'suspended', 'start')).toBe('web-01 is suspended; power actions are not available.');
    expect(refusalReason('web-01', 'migrating', 'reboot')).toBe('web-01 cannot be rebooted while it is migrating.');
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

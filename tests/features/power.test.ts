import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import { NoSession } from '../../main/errors';
import { createPowerFeature } from '../../main/features/power';
import { createAccountRecords } from '../../main/accounts/records';

describe('power feature', () => {
  it('without a session, rejects with NoSession (never throws at the caller)', async () => {
    const power = createPowerFeature({ sessions: createAccountRecords().sessions });
    const ref = { accountId: 'default', id: 1 };
    const call = power.power(ref, 'start', 'popup');
    expect(call).toBeInstanceOf(Promise);
    await expect(call).rejects.toBeInstanceOf(NoSession);
    await expect(power.handlers[InvokeChannel.serversReboot](ref)).rejects.toBeInstanceOf(NoSession);
  });
});

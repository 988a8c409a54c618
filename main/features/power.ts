// Start, stop and reboot, from the popup (these channels) and from the tray menu (`power`): through the
// action tracker of the server's account, which refuses what the server's status does not allow.
import { InvokeChannel, type AcceptedAction } from '../../common/contract';
import type { ServerRef } from '../../common/servers';
import type { PowerAction } from '../../common/statuses';
import type { RouterHandlers } from '../ipc/router';
import { serverRefSchema, withSchema, type PayloadValidators } from '../ipc/validators';
import type { SessionCollection } from '../accounts/records';

type PowerChannel =
  typeof InvokeChannel.serversStart | typeof InvokeChannel.serversStop | typeof InvokeChannel.serversReboot;

export const powerValidators: Pick<PayloadValidators, PowerChannel> = {
  [InvokeChannel.serversStart]: withSchema(serverRefSchema),
  [InvokeChannel.serversStop]: withSchema(serverRefSchema),
  [InvokeChannel.serversReboot]: withSchema(serverRefSchema),
};

export interface PowerFeature {
  handlers: Pick<RouterHandlers, PowerChannel>;
  /** Rejects with a domain error (no session, refused) or the API's error. */
  power(ref: ServerRef, action: PowerAction): Promise<AcceptedAction>;
}

export function createPowerFeature(deps: { sessions: SessionCollection }): PowerFeature {
  // Async so that a missing session rejects instead of throwing at the caller.
  const power = async (ref: ServerRef, action: PowerAction) =>
    deps.sessions.require(ref.accountId).actions.power(ref, action);
  return {
    handlers: {
      [InvokeChannel.serversStart]: (ref) => power(ref, 'start'),
      [InvokeChannel.serversStop]: (ref) => power(ref, 'stop'),
      [InvokeChannel.serversReboot]: (ref) => power(ref, 'reboot'),
    },
    power,
  };
}

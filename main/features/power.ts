// Start, stop and reboot, from the popup (these channels) and from the tray menu and notifications
// (`power`): through the action tracker of the server's account, which refuses what the server's status
// does not allow. Each action sent is told to `onSent` with where it was started (the history keeps it).
import { z } from 'zod';
import { InvokeChannel, type AcceptedAction } from '../../common/contract';
import type { ActionSource } from '../../common/history';
import type { ServerRef } from '../../common/servers';
import type { PowerAction } from '../../common/statuses';
import type { RouterHandlers } from '../ipc/router';
import { serverRefSchema, withSchema, type PayloadValidators } from '../ipc/validators';
import type { SessionCollection } from '../accounts/records';

type PowerChannel =
  typeof InvokeChannel.serversStart | typeof InvokeChannel.serversStop | typeof InvokeChannel.serversReboot;

const powerRequestSchema = serverRefSchema.extend({ source: z.enum(['popup', 'keyboard']).optional() }).strict();

export const powerValidators: Pick<PayloadValidators, PowerChannel> = {
  [InvokeChannel.serversStart]: withSchema(powerRequestSchema),
  [InvokeChannel.serversStop]: withSchema(powerRequestSchema),
  [InvokeChannel.serversReboot]: withSchema(powerRequestSchema),
};

export interface PowerFeature {
  handlers: Pick<RouterHandlers, PowerChannel>;
  /** Rejects with a domain error (no session, refused) or the API's error. */
  power(ref: ServerRef, action: PowerAction, source: ActionSource): Promise<AcceptedAction>;
}

export interface PowerFeatureDeps {
  sessions: SessionCollection;
  /** The action was accepted and sent. */
  onSent?: (ref: ServerRef, action: PowerAction, source: ActionSource) => void;
}

export function createPowerFeature(deps: PowerFeatureDeps): PowerFeature {
  // Async so that a missing session rejects instead of throwing at the caller.
  const power = async (ref: ServerRef, action: PowerAction, source: ActionSource) => {
    const target = { accountId: ref.accountId, id: ref.id };
    const accepted = await deps.sessions.require(ref.accountId).actions.power(target, action);
    deps.onSent?.(target, action, source);
    return accepted;
  };
  return {
    handlers: {
      [InvokeChannel.serversStart]: ({ source, ...ref }) => power(ref, 'start', source ?? 'popup'),
      [InvokeChannel.serversStop]: ({ source, ...ref }) => power(ref, 'stop', source ?? 'popup'),
      [InvokeChannel.serversReboot]: ({ source, ...ref }) => power(ref, 'reboot', source ?? 'popup'),
    },
    power,
  };
}

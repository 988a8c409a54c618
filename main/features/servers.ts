// The fleet and the servers in it: the popup's subscription and refresh, and looking up, creating,
// replacing, updating and deleting servers through the session of the server's account.
import { z } from 'zod';
import { InvokeChannel } from '../../common/contract';
import { validateCreateServerInput, validateReplaceServerInput, validateUpdateServerPatch } from '../../common/rules';
import { refKey } from '../../common/servers';
import { isVpsApiError } from '../api/errors';
import type { FleetState } from '../fleet/state';
import type { RouterHandlers } from '../ipc/router';
import {
  fromRules,
  serverRefSchema,
  takesNoPayload,
  withRef,
  withSchema,
  type PayloadValidators,
} from '../ipc/validators';
import type { SessionCollection } from '../accounts/records';
import type { Pollers } from '../sessions/pollers';

type ServersChannel =
  | typeof InvokeChannel.fleetSubscribe
  | typeof InvokeChannel.fleetRefresh
  | typeof InvokeChannel.serversList
  | typeof InvokeChannel.serversGet
  | typeof InvokeChannel.serversCreate
  | typeof InvokeChannel.serversReplace
  | typeof InvokeChannel.serversUpdate
  | typeof InvokeChannel.serversDelete;

const filterSchema = z
  .object({ status: z.string().min(1).max(64).optional(), location: z.string().min(1).max(64).optional() })
  .strict();

export const serversValidators: Pick<PayloadValidators, ServersChannel> = {
  [InvokeChannel.fleetSubscribe]: takesNoPayload,
  [InvokeChannel.fleetRefresh]: takesNoPayload,
  [InvokeChannel.serversList]: (payload) =>
    payload === undefined || payload === null ? { ok: true, value: {} } : withSchema(filterSchema)(payload),
  [InvokeChannel.serversGet]: withSchema(serverRefSchema),
  [InvokeChannel.serversCreate]: (payload) => fromRules(validateCreateServerInput(payload)),
  [InvokeChannel.serversReplace]: withRef('input', validateReplaceServerInput),
  [InvokeChannel.serversUpdate]: withRef('patch', validateUpdateServerPatch),
  // The name is compared exactly as typed (the popup enables the button only on an exact match).
  [InvokeChannel.serversDelete]: withSchema(
    z.object({ ref: serverRefSchema, confirmName: z.string().min(1).max(1000) }).strict(),
  ),
};

export interface ServersFeatureDeps {
  sessions: SessionCollection;
  fleet: FleetState;
  pollers: Pollers;
}

export function createServersFeature(deps: ServersFeatureDeps): { handlers: Pick<RouterHandlers, ServersChannel> } {
  const { sessions, fleet } = deps;
  return {
    handlers: {
      [InvokeChannel.fleetSubscribe]: () => fleet.snapshot(),
      [InvokeChannel.fleetRefresh]: async () => {
        await deps.pollers.refresh();
        return fleet.status();
      },
      [InvokeChannel.serversList]: async (filter) => {
        // Every account is asked at once; one that fails leaves out only its own servers.
        sessions.requirePrimary();
        const answers = await Promise.allSettled(
          sessions.list().map(async (session) => {
            const list = await session.api.listServers(filter);
            return list.results.map((server) => ({ accountId: session.account.id, id: server.id }));
          }),
        );
        const found = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
        if (found.length === 0) throw (answers[0] as PromiseRejectedResult).reason;
        return found.flat();
      },
      [InvokeChannel.serversGet]: async (ref) => {
        const session = sessions.require(ref.accountId);
        const key = refKey(ref);
        // A server with an action pending shows what the tracker says until the action ends.
        const notPending = () => !session.ended && !session.actions.isPending(key);
        try {
          const detail = await session.api.getServer(ref.id);
          if (notPending()) fleet.upsert(session.account.id, detail);
          return detail;
        } catch (error) {
          if (notPending() && isVpsApiError(error) && error.kind === 'not-found') fleet.remove(key);
          throw error;
        }
      },
      [InvokeChannel.serversCreate]: (input) => sessions.requirePrimary().actions.create(input),
      [InvokeChannel.serversReplace]: ({ ref, input }) => sessions.require(ref.accountId).actions.replace(ref, input),
      [InvokeChannel.serversUpdate]: ({ ref, patch }) => sessions.require(ref.accountId).actions.update(ref, patch),
      [InvokeChannel.serversDelete]: ({ ref, confirmName }) =>
        sessions.require(ref.accountId).actions.remove(ref, confirmName),
    },
  };
}

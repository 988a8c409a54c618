// One server's own calls: its detail, create, replace, update, delete, and the power actions (tracked
// to completion, their end told by the fleet's `actionFinished`). `window.vps.servers.*`.
import type { CreateServerInput, ReplaceServerInput, UpdateServerPatch } from '../rules';
import type { ActionSource } from '../history';
import type { ServerDetail, ServerFilter, ServerRef } from '../servers';
import type { ServerView } from './fleet';

interface DeleteServerRequest {
  ref: ServerRef;
  /** What the user typed to confirm: a stale or mixed-up ref then never deletes another server. */
  confirmName: string;
}

export interface AcceptedAction {
  /** The API's message, e.g. "Server is rebooting". */
  message: string;
}

/** How the popup started a power action: a pointer's click, or Enter/Space on the button. */
export type PowerSource = Extract<ActionSource, 'popup' | 'keyboard'>;

/** A power action's server, and how the popup started it (the history keeps it): absent is a click. */
interface PowerRequest extends ServerRef {
  source?: PowerSource;
}

export const SERVERS_CHANNELS = {
  serversList: 'vps:servers:list',
  serversGet: 'vps:servers:get',
  serversCreate: 'vps:servers:create',
  serversReplace: 'vps:servers:replace',
  serversUpdate: 'vps:servers:update',
  serversDelete: 'vps:servers:delete',
  serversStart: 'vps:servers:start',
  serversStop: 'vps:servers:stop',
  serversReboot: 'vps:servers:reboot',
} as const;

export interface ServersContract {
  /** Asks the API with its own query filters; returns the matching servers' refs. */
  [SERVERS_CHANNELS.serversList]: { request: ServerFilter; response: ServerRef[] };
  [SERVERS_CHANNELS.serversGet]: { request: ServerRef; response: ServerDetail };
  /** null: VPS.org accepted it without naming the new server; it appears with the next poll. */
  [SERVERS_CHANNELS.serversCreate]: { request: CreateServerInput; response: ServerView | null };
  [SERVERS_CHANNELS.serversReplace]: { request: { ref: ServerRef; input: ReplaceServerInput }; response: ServerDetail };
  [SERVERS_CHANNELS.serversUpdate]: { request: { ref: ServerRef; patch: UpdateServerPatch }; response: ServerDetail };
  /** `confirmName`: the name the user typed; main refuses the delete unless it is the server's current name. */
  [SERVERS_CHANNELS.serversDelete]: { request: DeleteServerRequest; response: null };
  [SERVERS_CHANNELS.serversStart]: { request: PowerRequest; response: AcceptedAction };
  [SERVERS_CHANNELS.serversStop]: { request: PowerRequest; response: AcceptedAction };
  [SERVERS_CHANNELS.serversReboot]: { request: PowerRequest; response: AcceptedAction };
}

export const SERVERS_METHODS = {
  servers: {
    list: SERVERS_CHANNELS.serversList,
    get: SERVERS_CHANNELS.serversGet,
    create: SERVERS_CHANNELS.serversCreate,
    replace: SERVERS_CHANNELS.serversReplace,
    update: SERVERS_CHANNELS.serversUpdate,
    delete: SERVERS_CHANNELS.serversDelete,
    start: SERVERS_CHANNELS.serversStart,
    stop: SERVERS_CHANNELS.serversStop,
    reboot: SERVERS_CHANNELS.serversReboot,
  },
} as const;

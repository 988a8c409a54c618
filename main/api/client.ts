// The VPS.org API client: the 9 endpoints of openapi/vps-org.openapi.json, in two layers. The transport
// (transport.ts) sends one request: token, timeout, GET retries, Retry-After, errors for a person. The
// endpoints on it say what to send and read what came back tolerantly (main/api/schemas.ts): the list
// (server-list.ts), a server's detail (server-reads.ts), the writes (server-writes.ts) and the power
// actions (power.ts). `VpsClient` is what the rest of the app codes against: the real client, a
// simulator-backed one and test doubles all fit it.
import type { RequestOptions } from './answers';
import { createServerList, type ServerListOptions } from './server-list';
import { getServer } from './server-reads';
import { createServer, deleteServer, replaceServer, updateServer } from './server-writes';
import { powerAction } from './power';
import { createTransport, type TransportOptions } from './transport';
import type { CreatedServer, PowerActionResponse, ServerList } from './schemas';
import type { CreateServerInput, ReplaceServerInput, UpdateServerPatch } from '../../common/rules';
import type { PowerAction } from '../../common/statuses';
import type { ServerDetail, ServerFilter } from '../../common/servers';

export interface VpsClientOptions extends TransportOptions, ServerListOptions {}

export interface VpsClient {
  /** The API root without a trailing slash. */
  readonly baseUrl: string;
  listServers(filter?: ServerFilter, options?: RequestOptions): Promise<ServerList>;
  /** null: VPS.org accepted it without naming the new server; it shows up with the next list. */
  createServer(input: CreateServerInput, options?: RequestOptions): Promise<CreatedServer | null>;
  getServer(id: number, options?: RequestOptions): Promise<ServerDetail>;
  replaceServer(id: number, input: ReplaceServerInput, options?: RequestOptions): Promise<ServerDetail>;
  updateServer(id: number, patch: UpdateServerPatch, options?: RequestOptions): Promise<ServerDetail>;
  deleteServer(id: number, options?: RequestOptions): Promise<void>;
  /** POST start, stop or reboot: sent exactly once, never retried. */
  powerAction(id: number, action: PowerAction, options?: RequestOptions): Promise<PowerActionResponse>;
}

export function createVpsClient(options: VpsClientOptions): VpsClient {
  const transport = createTransport(options);
  return {
    baseUrl: transport.baseUrl,
    listServers: createServerList(transport, options),
    createServer: (input, requestOptions) => createServer(transport, input, requestOptions),
    getServer: (id, requestOptions) => getServer(transport, id, requestOptions),
    replaceServer: (id, input, requestOptions) => replaceServer(transport, id, input, requestOptions),
    updateServer: (id, patch, requestOptions) => updateServer(transport, id, patch, requestOptions),
    deleteServer: (id, requestOptions) => deleteServer(transport, id, requestOptions),
    powerAction: (id, action, requestOptions) => powerAction(transport, id, action, requestOptions),
  };
}

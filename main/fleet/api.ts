// The part of the VPS.org client the fleet core uses. Structural, so the real client
// (main/api/client.ts), a simulator-backed client and test doubles all fit without adapters.
import type { CreateServerInput, ReplaceServerInput, UpdateServerPatch } from '../../common/rules';
import type { CreatedServer, PowerActionResponse, ServerList } from '../api/schemas';
import type { PowerAction } from '../../common/statuses';
import type { ServerDetail, ServerFilter } from '../../common/servers';

export interface FleetApi {
  listServers(filter?: ServerFilter, options?: { signal?: AbortSignal }): Promise<ServerList>;
  getServer(id: number): Promise<ServerDetail>;
  /** null: accepted without naming the new server (it shows up with the next list). */
  createServer(input: CreateServerInput): Promise<CreatedServer | null>;
  replaceServer(id: number, input: ReplaceServerInput): Promise<ServerDetail>;
  updateServer(id: number, patch: UpdateServerPatch): Promise<ServerDetail>;
  deleteServer(id: number): Promise<unknown>;
  startServer(id: number): Promise<PowerActionResponse>;
  stopServer(id: number): Promise<PowerActionResponse>;
  rebootServer(id: number): Promise<PowerActionResponse>;
}

export function sendPowerAction(api: FleetApi, id: number, action: PowerAction): Promise<PowerActionResponse> {
  switch (action) {
    case 'start':
      return api.startServer(id);
    case 'stop':
      return api.stopServer(id);
    case 'reboot':
      return api.rebootServer(id);
  }
}

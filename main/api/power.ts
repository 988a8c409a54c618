// POST /servers/{id}/{start|stop|reboot}/: a power action, sent exactly once (transport.ts) with the
// body `{}`. A 2xx is acceptance whatever its body; only an answer about another server is an error.
import { tryParseJson } from './http';
import { purpose, refuseContradiction, requireId, signalOf, type RequestOptions } from './answers';
import { readPowerActionResponse, type PowerActionResponse } from './schemas';
import type { PowerAction } from '../../common/statuses';
import type { Call } from './call';
import type { Transport } from './transport';

export async function powerAction(
  transport: Transport,
  id: number,
  action: PowerAction,
  requestOptions: RequestOptions = {},
): Promise<PowerActionResponse> {
  const serverId = requireId(id, `${action} the server`);
  const call: Call = {
    method: 'POST',
    url: transport.serverUrl(serverId, action),
    purpose: purpose(action, `${action} server ${serverId}`, serverId),
    ...signalOf(requestOptions),
  };
  const body = tryParseJson((await transport.send(call)).text);
  refuseContradiction(call, body, serverId);
  return readPowerActionResponse(body);
}

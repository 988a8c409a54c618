// GET /servers/{id}/: one server's detail, read tolerantly; a detail of another server is refused.
import { jsonOfRead, purpose, requireId, signalOf, unexpectedAnswer, type RequestOptions } from './answers';
import { readServerDetail } from './schemas';
import type { ServerDetail } from '../../common/servers';
import type { Call } from './call';
import type { Transport } from './transport';

export async function getServer(
  transport: Transport,
  id: number,
  requestOptions: RequestOptions = {},
): Promise<ServerDetail> {
  const serverId = requireId(id, 'load the server');
  const call: Call = {
    method: 'GET',
    url: transport.serverUrl(serverId),
    purpose: purpose('load', `load server ${serverId}`, serverId),
    ...signalOf(requestOptions),
  };
  const response = await transport.send(call);
  const read = readServerDetail(jsonOfRead(call, response));
  if (!read.ok) throw unexpectedAnswer(call, response, read.problem, transport.clean);
  if (read.value.id !== serverId) {
    throw unexpectedAnswer(
      call,
      response,
      `it describes server ${read.value.id}, not server ${serverId}`,
      transport.clean,
    );
  }
  return read.value;
}

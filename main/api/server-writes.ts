// POST /servers/, PUT, PATCH and DELETE /servers/{id}/: each sent exactly once (transport.ts), its input
// checked by the shared rules before anything is sent.
// A 2xx to a write means VPS.org accepted it, whatever its body: the client returns what it can read and
// never reports the write as failed. PUT/PATCH whose answer is not the server's detail (empty, a message,
// the list's shape) read it back with one GET; a create whose answer does not name the new server
// resolves to null (the next poll shows it). Only an answer about another server than the request's is
// an error, with `outcomeUnknown: true`.
import { VpsApiError } from './errors';
import { tryParseJson } from './http';
import { purpose, refuseContradiction, requireId, requireValid, signalOf, type RequestOptions } from './answers';
import { getServer } from './server-reads';
import {
  hasDetailFields,
  readCreatedServer,
  readServerDetail,
  readServerId,
  readText,
  type CreatedServer,
} from './schemas';
import {
  isRecord,
  validateCreateServerInput,
  validateReplaceServerInput,
  validateUpdateServerPatch,
  type CreateServerInput,
  type ReplaceServerInput,
  type RuleResult,
  type UpdateServerPatch,
} from '../../common/rules';
import type { ServerDetail } from '../../common/servers';
import type { Call } from './call';
import type { Transport } from './transport';

export async function createServer(
  transport: Transport,
  input: CreateServerInput,
  requestOptions: RequestOptions = {},
): Promise<CreatedServer | null> {
  const json = requireValid(validateCreateServerInput(input), 'create the server');
  const call: Call = {
    method: 'POST',
    url: transport.serversUrl(),
    json,
    purpose: purpose('create', 'create the server'),
    ...signalOf(requestOptions),
  };
  const body = tryParseJson((await transport.send(call)).text);
  const created = readCreatedServer(body);
  if (created.ok) return created.value;
  // Accepted, but the answer does not describe the new server: read it back when it gives the id.
  const id = isRecord(body) ? readServerId(body.id) : null;
  if (id === null) return null;
  try {
    const detail = await getServer(transport, id, requestOptions);
    return { ...detail, message: isRecord(body) ? readText(body.message) : null };
  } catch (error) {
    if (!(error instanceof VpsApiError)) throw error;
    // The create happened; the list will show the server. Failing here would invite a second create.
    return null;
  }
}

export const replaceServer = (
  transport: Transport,
  id: number,
  input: ReplaceServerInput,
  requestOptions: RequestOptions = {},
) => writeServer(transport, 'PUT', id, validateReplaceServerInput(input), requestOptions);

export const updateServer = (
  transport: Transport,
  id: number,
  patch: UpdateServerPatch,
  requestOptions: RequestOptions = {},
) => writeServer(transport, 'PATCH', id, validateUpdateServerPatch(patch), requestOptions);

export async function deleteServer(
  transport: Transport,
  id: number,
  requestOptions: RequestOptions = {},
): Promise<void> {
  const serverId = requireId(id, 'delete the server');
  const call: Call = {
    method: 'DELETE',
    url: transport.serverUrl(serverId),
    purpose: purpose('delete', `delete server ${serverId}`, serverId),
    ...signalOf(requestOptions),
  };
  refuseContradiction(call, tryParseJson((await transport.send(call)).text), serverId);
}

/** PUT or PATCH: the input passes the shared rules before anything is sent. */
async function writeServer(
  transport: Transport,
  method: 'PUT' | 'PATCH',
  id: number,
  checked: RuleResult<unknown>,
  requestOptions: RequestOptions,
): Promise<ServerDetail> {
  const serverId = requireId(id, 'update the server');
  const json = requireValid(checked, `update server ${serverId}`);
  const call: Call = {
    method,
    url: transport.serverUrl(serverId),
    json,
    purpose: purpose('update', `update server ${serverId}`, serverId),
    ...signalOf(requestOptions),
  };
  const body = tryParseJson((await transport.send(call)).text);
  refuseContradiction(call, body, serverId);
  // The contract does not state the PUT/PATCH body: only the detail itself is taken as the new state.
  const read = readServerDetail(body);
  if (read.ok && hasDetailFields(body)) return read.value;
  return readBack(transport, call, serverId, read.ok ? read.value : null, requestOptions);
}

/**
 * After an accepted PUT/PATCH whose answer was not the server's detail: one GET of it. When that fails
 * too, the list's shape of the server from the answer will do; without one the write is reported as
 * accepted but unread (outcome unknown, so it is never shown as failed).
 */
async function readBack(
  transport: Transport,
  call: Call,
  serverId: number,
  fromAnswer: ServerDetail | null,
  requestOptions: RequestOptions,
): Promise<ServerDetail> {
  try {
    return await getServer(transport, serverId, requestOptions);
  } catch (error) {
    if (!(error instanceof VpsApiError)) throw error;
    if (fromAnswer && error.kind !== 'not-found') return fromAnswer;
    throw new VpsApiError(
      error.kind,
      `VPS.org accepted the ${call.purpose.verb} request, but reading server ${serverId} back failed: ${error.message}`,
      {
        outcomeUnknown: true,
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.apiText === undefined ? {} : { apiText: error.apiText }),
        ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      },
    );
  }
}

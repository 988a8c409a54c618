// One server's own calls: its detail, creating, editing (all fields, or only the name) and deleting.
// The answers come back as they are (Result): the views word failures at the fields they concern.
import type { VpsBridge } from '../../common/bridge';
import type { Result, ServerView } from '../../common/contract';
import type { CreateServerInput, ReplaceServerInput } from '../../common/rules';
import { refKey, type ServerDetail, type ServerRef } from '../../common/servers';
import type { Drafts } from './drafts';

export interface ServersDeps {
  bridge: VpsBridge;
  drafts: Pick<Drafts, 'dropEdits'>;
}

export function createServers({ bridge, drafts }: ServersDeps) {
  return {
    /** Every field of the detail endpoint. */
    loadDetail: (ref: ServerRef): Promise<Result<ServerDetail>> => bridge.servers.get(ref),

    /** null: VPS.org accepted it without naming the new server; it appears with the next poll. */
    create: (input: CreateServerInput): Promise<Result<ServerView | null>> => bridge.servers.create(input),

    /** Name, hostname and backups together (PUT: the API requires all three). */
    replace: (ref: ServerRef, input: ReplaceServerInput): Promise<Result<ServerDetail>> =>
      bridge.servers.replace({ ref, input }),

    /**
     * Name and hostname only (PATCH): for a server whose backups setting VPS.org did not say, so that an
     * edit never switches backups off by sending a value the user never saw.
     */
    updateBasics: (ref: ServerRef, input: ReplaceServerInput): Promise<Result<ServerDetail>> =>
      bridge.servers.update({ ref, patch: { name: input.name, hostname: input.hostname } }),

    /** PATCH with only what changed: the name. */
    rename: (ref: ServerRef, name: string): Promise<Result<ServerDetail>> =>
      bridge.servers.update({ ref, patch: { name } }),

    /** `confirmName`: what the user typed; main deletes only when it is the server's current name. */
    async remove(ref: ServerRef, confirmName: string): Promise<Result<null>> {
      const result = await bridge.servers.delete({ ref, confirmName });
      // The server is on its way out: a half-done edit of it could never be saved.
      if (result.ok) drafts.dropEdits([refKey(ref)]);
      return result;
    },
  };
}

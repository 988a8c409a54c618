// Wire format of the VPS.org API (openapi/vps-org.openapi.json), as runtime schemas. Every HTTP body is
// `unknown` until one of these accepts it. Objects are `loose`: unknown extra fields are tolerated and
// kept. `status` is any string: a status this app has never seen is kept as it came.
import { z } from 'zod';

import type { Server, ServerDetail } from '../../common/servers';

export const planSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    vcpus: z.number(),
    /** MB */
    memory: z.number(),
    /** GB */
    storage: z.number(),
    /** GB per month; the detail endpoint sends it, the list may not. */
    bandwidth: z.number().optional(),
  })
  .loose();

export const osSchema = z.object({ id: z.number().int(), name: z.string() }).loose();

/** A server as the list endpoint sends it. */
export const serverSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    hostname: z.string().nullable(),
    status: z.string(),
    ip_address: z.string().nullable(),
    location: z.string(),
    plan: planSchema,
    os: osSchema,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .loose();

export const resourceUsageSchema = z
  .object({
    cpu_percent: z.number(),
    /** MB */
    memory_used: z.number(),
    /** GB */
    disk_used: z.number(),
    /** GB this month */
    bandwidth_used: z.number(),
  })
  .loose();

/** A server as the detail endpoint (and PUT/PATCH, by this project's decision) sends it. */
export const serverDetailSchema = serverSchema
  .extend({
    ipv6_address: z.string().nullable(),
    backups_enabled: z.boolean(),
    plan: planSchema.extend({ bandwidth: z.number() }),
    /** null while a server is provisioning and has no usage yet. */
    resource_usage: resourceUsageSchema.nullable(),
  })
  .loose();

/** One page of the list endpoint: `{count, results}` plus `next`/`previous` when paginated. */
export const serverListPageSchema = z
  .object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable().optional(),
    previous: z.string().nullable().optional(),
    results: z.array(serverSchema),
  })
  .loose();

/** 201 body of create: the new server plus a human message. */
export const createdServerSchema = serverSchema
  .extend({
    backups_enabled: z.boolean(),
    ipv6_address: z.string().nullable().optional(),
    message: z.string().optional(),
  })
  .loose();

/** 200 body of start / stop / reboot. */
export const powerActionResponseSchema = z
  .object({
    status: z.string(),
    message: z.string(),
    server: z.object({ id: z.number().int(), name: z.string(), status: z.string() }).loose(),
  })
  .loose();

/** Error bodies are not stated by the contract: `{detail}` or per-field lists, or anything else. */
export const errorBodySchema = z.object({ detail: z.string().optional() }).catchall(z.unknown());

// What the schemas accept is what common/servers.ts names (a drift fails the typecheck).
export const SERVER_SCHEMA_FITS: z.infer<typeof serverSchema> extends Server ? true : false = true;
export const DETAIL_SCHEMA_FITS: z.infer<typeof serverDetailSchema> extends ServerDetail ? true : false = true;

export type ServerListPage = z.infer<typeof serverListPageSchema>;
export type CreatedServer = z.infer<typeof createdServerSchema>;
export type PowerActionResponse = z.infer<typeof powerActionResponseSchema>;

/** `listServers` result: every page gathered. */
export interface ServerList {
  count: number;
  results: Server[];
}

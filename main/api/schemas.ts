// Reading VPS.org's answers: be strict in what you send, tolerant in what you read (issue 8).
//
// The API is known only from its published examples, so an answer is read for what the app needs and
// nothing more is demanded of it. A server needs a usable `id` and `status`; every other field is taken
// when present and sensible (numbers may arrive as numeric strings) and is null otherwise. Unknown extra
// fields are kept as they came, and so is a status never seen before. The list may be paginated
// `{count, next, previous, results}`, `{results}` or a bare array. Everything here is a pure function of
// a parsed JSON value (`unknown`) and never throws: what cannot be read comes back as a `problem`.
import { z } from 'zod';

import { isRecord } from '../../common/rules';
import type { OperatingSystem, Plan, ResourceUsage, Server, ServerDetail } from '../../common/servers';

/** A value read, or what made it unreadable ("\"id\" is missing"), for a person. */
export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `listServers` result: every page gathered. */
export interface ServerList {
  /** What the API said the list holds (the first page's `count`); without one, the entries seen. */
  count: number;
  results: Server[];
  /** Entries that could not be read (no usable id or status): left out, and counted for the user. */
  skipped: number;
  /**
   * The list changed while its pages were read (main/api/server-list.ts): a server missing from it may
   * still exist (it slid onto a page already read), so its absence alone says nothing. Absent: settled.
   */
  unsettled?: true;
}

/** The answer to a create, as far as it could be read: the new server plus the API's message. */
export interface CreatedServer extends Server {
  backups_enabled: boolean | null;
  ipv6_address: string | null;
  message: string | null;
}

/**
 * The answer to start / stop / reboot. A 2xx means accepted whatever it says, so every part may be
 * missing: the server's state is read from the list afterwards.
 */
export interface PowerActionResponse {
  /** The API's word for the outcome, e.g. "success". */
  status: string | null;
  /** e.g. "Server is rebooting". */
  message: string | null;
  server: { id: number | null; name: string | null; status: string | null; [extra: string]: unknown } | null;
  [extra: string]: unknown;
}

/** Error bodies are not stated by the contract: `{detail}` or per-field lists, or anything else. */
export const errorBodySchema = z.object({ detail: z.string().optional() }).catchall(z.unknown());

// ---- single values ----

const NUMERIC_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A finite number, or a string that is one ("4096"). */
function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** An amount (memory, disk, a percentage): a number of 0 or more. */
function readAmount(value: unknown): number | null {
  const number = readNumber(value);
  return number !== null && number >= 0 ? number : null;
}

/** A catalogue id (plan, OS): a whole number of 0 or more. */
function readCatalogId(value: unknown): number | null {
  const number = readNumber(value);
  return number !== null && Number.isSafeInteger(number) && number >= 0 ? number : null;
}

/** A server id: a positive whole number (or its digits as a string). */
export function readServerId(value: unknown): number | null {
  const number = readNumber(value);
  return number !== null && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** Text with something in it; blank or not a string is nothing. */
export function readText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A date-time the app can show. */
function readDate(value: unknown): string | null {
  const text = readText(value);
  return text !== null && !Number.isNaN(Date.parse(text)) ? text : null;
}

function readBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/**
 * The fields of `raw` this app does not read, kept as they came. `__proto__` is dropped: as a key of
 * a plain object it would set the object's prototype instead of being data.
 */
function extras(raw: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '__proto__' || known.includes(key)) continue;
    kept[key] = value;
  }
  return kept;
}

// ---- objects inside a server ----

const PLAN_FIELDS = ['id', 'name', 'vcpus', 'memory', 'storage', 'bandwidth'] as const;

function readPlan(value: unknown): Plan | null {
  if (!isRecord(value)) return null;
  return {
    ...extras(value, PLAN_FIELDS),
    id: readCatalogId(value.id),
    name: readText(value.name),
    vcpus: readAmount(value.vcpus),
    memory: readAmount(value.memory),
    storage: readAmount(value.storage),
    bandwidth: readAmount(value.bandwidth),
  };
}

const OS_FIELDS = ['id', 'name'] as const;

function readOperatingSystem(value: unknown): OperatingSystem | null {
  if (!isRecord(value)) return null;
  return { ...extras(value, OS_FIELDS), id: readCatalogId(value.id), name: readText(value.name) };
}

const USAGE_FIELDS = ['cpu_percent', 'memory_used', 'disk_used', 'bandwidth_used'] as const;

function readResourceUsage(value: unknown): ResourceUsage | null {
  if (!isRecord(value)) return null;
  return {
    ...extras(value, USAGE_FIELDS),
    cpu_percent: readAmount(value.cpu_percent),
    memory_used: readAmount(value.memory_used),
    disk_used: readAmount(value.disk_used),
    bandwidth_used: readAmount(value.bandwidth_used),
  };
}

// ---- servers ----

const SERVER_FIELDS = [
  'id',
  'name',
  'hostname',
  'status',
  'ip_address',
  'location',
  'plan',
  'os',
  'created_at',
  'updated_at',
] as const;
const DETAIL_FIELDS = [...SERVER_FIELDS, 'ipv6_address', 'backups_enabled', 'resource_usage'] as const;

/** `"results[2].id"`, or `"id"` at the top of a body. */
const at = (where: string, field: string) => `"${where === '' ? field : `${where}.${field}`}"`;

/** Why a server's id or status is unusable, or null when both are usable. */
function identityProblem(raw: Record<string, unknown>, where: string): string | null {
  if (readServerId(raw.id) === null) {
    return raw.id === undefined || raw.id === null
      ? `${at(where, 'id')} is missing`
      : `${at(where, 'id')} has the wrong type (expected a positive whole number)`;
  }
  if (readText(raw.status) === null) {
    if (raw.status === undefined || raw.status === null) return `${at(where, 'status')} is missing`;
    return typeof raw.status === 'string'
      ? `${at(where, 'status')} is empty`
      : `${at(where, 'status')} has the wrong type (expected a status such as "active")`;
  }
  return null;
}

const notAnObject = (where: string) => `${where === '' ? 'the body' : `"${where}"`} is not an object`;

/** A server as the list sends it. `where` names its place in the body for the problem text. */
export function readServer(raw: unknown, where = ''): Reading<Server> {
  if (!isRecord(raw)) return { ok: false, problem: notAnObject(where) };
  const problem = identityProblem(raw, where);
  if (problem !== null) return { ok: false, problem };
  return { ok: true, value: serverFields(raw, SERVER_FIELDS) };
}

/** A server as the detail endpoint sends it; the detail-only fields are null when absent. */
export function readServerDetail(raw: unknown, where = ''): Reading<ServerDetail> {
  if (!isRecord(raw)) return { ok: false, problem: notAnObject(where) };
  const problem = identityProblem(raw, where);
  if (problem !== null) return { ok: false, problem };
  return { ok: true, value: detailFields(raw, DETAIL_FIELDS) };
}

/** Only after identityProblem said both are usable. */
function serverFields(raw: Record<string, unknown>, known: readonly string[]): Server {
  const id = readServerId(raw.id)!;
  return {
    ...extras(raw, known),
    id,
    name: readText(raw.name) ?? `#${id}`,
    hostname: readText(raw.hostname),
    status: raw.status as string,
    ip_address: readText(raw.ip_address),
    location: readText(raw.location),
    plan: readPlan(raw.plan),
    os: readOperatingSystem(raw.os),
    created_at: readDate(raw.created_at),
    updated_at: readDate(raw.updated_at),
  };
}

function detailFields(raw: Record<string, unknown>, known: readonly string[]): ServerDetail {
  return {
    ...serverFields(raw, known),
    ipv6_address: readText(raw.ipv6_address),
    backups_enabled: readBoolean(raw.backups_enabled),
    resource_usage: readResourceUsage(raw.resource_usage),
  };
}

/**
 * The body carries what only the detail endpoint sends (not the list's shape of a server, nor a mere
 * message): a PUT/PATCH answer like this is the server's new detail; any other is read back with a GET.
 */
export function hasDetailFields(raw: unknown): boolean {
  return isRecord(raw) && typeof raw.backups_enabled === 'boolean' && 'resource_usage' in raw;
}

const CREATED_FIELDS = [...SERVER_FIELDS, 'ipv6_address', 'backups_enabled', 'message'] as const;

/** The answer to a create, when it names the new server's id and status. */
export function readCreatedServer(raw: unknown): Reading<CreatedServer> {
  if (!isRecord(raw)) return { ok: false, problem: notAnObject('') };
  const problem = identityProblem(raw, '');
  if (problem !== null) return { ok: false, problem };
  return {
    ok: true,
    value: {
      ...serverFields(raw, CREATED_FIELDS),
      ipv6_address: readText(raw.ipv6_address),
      backups_enabled: readBoolean(raw.backups_enabled),
      message: readText(raw.message),
    },
  };
}

const POWER_FIELDS = ['status', 'message', 'server'] as const;
const POWER_SERVER_FIELDS = ['id', 'name', 'status'] as const;

/** Whatever a power action's 2xx answer says; anything at all (even nothing) reads. */
export function readPowerActionResponse(raw: unknown): PowerActionResponse {
  if (!isRecord(raw)) return { status: null, message: null, server: null };
  const server = isRecord(raw.server)
    ? {
        ...extras(raw.server, POWER_SERVER_FIELDS),
        id: readServerId(raw.server.id),
        name: readText(raw.server.name),
        status: readText(raw.server.status),
      }
    : null;
  return { ...extras(raw, POWER_FIELDS), status: readText(raw.status), message: readText(raw.message), server };
}

/**
 * The ids of servers a write's answer says it is about: its own `id` and, for power actions, its
 * `server.id`. An id other than the request's means the answer contradicts the request.
 */
export function idsNamedBy(raw: unknown): number[] {
  if (!isRecord(raw)) return [];
  const ids = [readServerId(raw.id), isRecord(raw.server) ? readServerId(raw.server.id) : null];
  return ids.filter((id): id is number => id !== null);
}

// ---- the list ----

/** One page of the list: its entries still unread, so one bad entry cannot spoil the others. */
export interface ListPage {
  count: number | null;
  next: string | null;
  entries: readonly unknown[];
  /** Where an entry sits, for problem texts: "results[2]" or "[2]". */
  entryPath(index: number): string;
}

/** `{count, next, previous, results}`, `{results}` (any of the rest may be missing) or a bare array. */
export function readListPage(raw: unknown): Reading<ListPage> {
  if (Array.isArray(raw)) {
    return { ok: true, value: { count: null, next: null, entries: raw, entryPath: (index) => `[${index}]` } };
  }
  if (!isRecord(raw)) return { ok: false, problem: 'the body is neither a list of servers nor an object' };
  if (!Array.isArray(raw.results)) {
    return {
      ok: false,
      problem:
        raw.results === undefined || raw.results === null
          ? '"results" is missing'
          : '"results" has the wrong type (expected a list of servers)',
    };
  }
  const count = readNumber(raw.count);
  return {
    ok: true,
    value: {
      count: count !== null && Number.isSafeInteger(count) && count >= 0 ? count : null,
      next: readText(raw.next),
      entries: raw.results,
      entryPath: (index) => `results[${index}]`,
    },
  };
}

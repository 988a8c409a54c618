// Answer shapes beyond VPS.org's examples (issue 8): what a real API might plausibly send and the app
// must still read. Off by default (the simulator then answers exactly as openapi/vps-org.openapi.json
// describes); switched on per simulator, so tests and the demo can show that the app copes.
import type { DetailView } from './views';

/** How the list is wrapped. */
export const LIST_ENVELOPES = ['paginated', 'count-less', 'bare-array'] as const;
type ListEnvelope = (typeof LIST_ENVELOPES)[number];

/** How writes (create, PUT, PATCH, DELETE, start/stop/reboot) are answered when they succeed. */
export const WRITE_ANSWERS = ['documented', 'terse', 'message-only', 'empty'] as const;
type WriteAnswers = (typeof WRITE_ANSWERS)[number];

export interface AnswerShapes {
  /**
   * 'paginated' (default): `{count, next, previous, results}`. 'count-less': the same without `count`.
   * 'bare-array': every matching server in one JSON array, no pagination (Django REST with it off).
   */
  listEnvelope?: ListEnvelope;
  /**
   * Servers described in odd but readable ways, each the same way in the list, the detail and write
   * answers (chosen by id, see ODD_KINDS): `plan` or `os` null, no `hostname`, no addresses, no dates,
   * numbers as numeric strings, unknown extra fields with `location` null.
   */
  oddServers?: boolean;
  /** This many entries without a usable id or status, added to the first page of every list. */
  unreadableEntries?: number;
  /**
   * 'documented' (default): as the examples. 'terse': create `{id, name, status}`, PUT/PATCH the list's
   * shape of the server, DELETE `{}`, power `{"status": "success"}`. 'message-only': `{"message": ...}`
   * to every write (a create then names no server). 'empty': 202 (204 to PUT/PATCH/DELETE), no body.
   */
  writeAnswers?: WriteAnswers;
}

/** The odd kind of a server is `ODD_KINDS[id % ODD_KINDS.length]`; the first one is as documented. */
export const ODD_KINDS = [
  'as-documented',
  'plan-null',
  'os-null',
  'no-hostname',
  'no-addresses',
  'no-dates',
  'numbers-as-strings',
  'extra-fields',
] as const;
export type OddKind = (typeof ODD_KINDS)[number];

export const oddKindOf = (id: number): OddKind => ODD_KINDS[id % ODD_KINDS.length]!;

const asText = (value: unknown) => (typeof value === 'number' ? String(value) : value);

function numbersAsText(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return asText(value);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asText(inner)]));
}

/** A server's body (list or detail view) as the odd server of its kind describes itself. */
export function oddServer(body: { id: number }): Record<string, unknown> {
  const odd: Record<string, unknown> = { ...body };
  switch (oddKindOf(body.id)) {
    case 'as-documented':
      break;
    case 'plan-null':
      odd.plan = null;
      break;
    case 'os-null':
      odd.os = null;
      break;
    case 'no-hostname':
      delete odd.hostname;
      break;
    case 'no-addresses':
      delete odd.ip_address;
      delete odd.ipv6_address;
      break;
    case 'no-dates':
      delete odd.created_at;
      delete odd.updated_at;
      break;
    case 'numbers-as-strings':
      odd.id = String(body.id);
      odd.plan = numbersAsText(odd.plan);
      if ('resource_usage' in odd) odd.resource_usage = numbersAsText(odd.resource_usage);
      break;
    case 'extra-fields':
      odd.location = null;
      odd.tags = ['odd', 'simulated'];
      odd.project = { id: 7, name: 'Side project' };
      break;
  }
  return odd;
}

/** Entries no reader can take as a server: no id, an id that is no number, no status, not an object. */
const UNREADABLE: readonly unknown[] = [
  { name: 'no-id', status: 'active' },
  { id: 'not-a-number', name: 'bad-id', status: 'active' },
  { id: 999_901, name: 'no-status' },
  'not a server',
];

export function unreadableEntries(count: number): unknown[] {
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, index) => UNREADABLE[index % UNREADABLE.length]);
}

/** The list's shape of a server from its detail: no ipv6, backups, usage or plan bandwidth. */
export function listShapeOf(detail: DetailView) {
  const { ipv6_address: _ipv6, backups_enabled: _backups, resource_usage: _usage, plan, ...listed } = detail;
  const { bandwidth: _bandwidth, ...listedPlan } = plan;
  return { ...listed, plan: listedPlan };
}

// What the simulated API answers, once a request got past the faults: routing, authentication, methods,
// and each operation of openapi/vps-org.openapi.json on the account (state.ts). Request bodies are checked
// by the simulator's own reading of the document (requests.ts), never by the app's rules.
import { checkRequestBody, documentedPart } from './requests';
import { listShapeOf, oddServer, unreadableEntries, type AnswerShapes } from './shapes';
import type { Account, CreateRequest, UpdateRequest } from './state';
import type { SimulatedPowerAction } from './records';
import type { DetailView } from './views';
import { bodyValue, type ParsedBody, type Reply } from './wire';

type Route =
  { kind: 'collection' } | { kind: 'item'; id: number } | { kind: 'action'; id: number; action: SimulatedPowerAction };

const ALLOWED: Record<Route['kind'], readonly string[]> = {
  collection: ['GET', 'POST'],
  item: ['GET', 'PUT', 'PATCH', 'DELETE'],
  action: ['POST'],
};

const SERVER_PATH = /^\/api\/v1\/servers\/(?:(\d{1,16})\/(?:(start|stop|reboot)\/)?)?$/;

function matchRoute(pathname: string): Route | null {
  const match = SERVER_PATH.exec(pathname);
  if (!match) return null;
  const [, idText, action] = match;
  if (idText === undefined) return { kind: 'collection' };
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) return null;
  if (action === undefined) return { kind: 'item', id };
  return { kind: 'action', id, action: action as SimulatedPowerAction };
}

const NOT_FOUND = { detail: 'Not found.' };
const SERVER_NOT_FOUND: Reply = { status: 404, body: { detail: 'Server not found.' } };

function malformedReply(body: ParsedBody & { kind: 'malformed' }): Reply {
  return { status: 400, body: { detail: `Malformed JSON: ${body.error}` } };
}

export interface RoutesOptions {
  account: Account;
  pageSize: number;
  /** Read at each request: tests switch them on a running simulator. */
  shapes(): AnswerShapes;
  /** The simulator's base URL (…/api/v1), for the list's links. */
  baseUrl(): string;
}

type WriteKind = 'create' | 'update' | 'delete' | 'power';

export function createRoutes(options: RoutesOptions) {
  const { account, pageSize, shapes } = options;

  /** A server's body (list or detail view) as the current shapes describe it. */
  const described = (server: { id: number }): unknown => (shapes().oddServers ? oddServer(server) : server);

  function listReply(url: URL): Reply {
    const status = url.searchParams.get('status') || undefined;
    const location = url.searchParams.get('location') || undefined;
    const { listEnvelope, unreadableEntries: unreadable } = shapes();
    const junk = unreadableEntries(unreadable ?? 0);
    if (listEnvelope === 'bare-array') {
      const all = account.list({ status, location }, 0, Number.MAX_SAFE_INTEGER).results;
      return { status: 200, body: [...all.map(described), ...junk] };
    }
    const pageText = url.searchParams.get('page');
    const page = pageText === null ? 1 : /^\d{1,9}$/.test(pageText) ? Number(pageText) : 0;
    const { count, results } = account.list({ status, location }, (Math.max(page, 1) - 1) * pageSize, pageSize);
    const lastPage = Math.max(1, Math.ceil(count / pageSize));
    if (page < 1 || page > lastPage) return { status: 404, body: { detail: 'Invalid page.' } };
    // Links keep every other query parameter; the first page drops `page`, as Django REST framework does.
    const link = (target: number) => {
      const next = new URL(`${options.baseUrl()}/servers/`);
      for (const [key, value] of url.searchParams) if (key !== 'page') next.searchParams.append(key, value);
      if (target > 1) next.searchParams.set('page', String(target));
      return next.toString();
    };
    const links = { next: page < lastPage ? link(page + 1) : null, previous: page > 1 ? link(page - 1) : null };
    const entries = [...results.map(described), ...(page === 1 ? junk : [])];
    return {
      status: 200,
      body: listEnvelope === 'count-less' ? { ...links, results: entries } : { count, ...links, results: entries },
    };
  }

  /**
   * A successful write's answer in the current write shape. `server` is the detail after the write
   * (undefined for DELETE); `message` the human text a message-only answer carries.
   */
  function writeReply(kind: WriteKind, documented: Reply, server: DetailView | undefined, message: string): Reply {
    switch (shapes().writeAnswers ?? 'documented') {
      case 'documented':
        return documented;
      case 'terse':
        if (kind === 'power') return { status: 200, body: { status: 'success' } };
        if (kind === 'delete' || !server) return { status: 200, body: {} };
        if (kind === 'create')
          return { status: documented.status, body: { id: server.id, name: server.name, status: server.status } };
        return { status: 200, body: described(listShapeOf(server)) };
      case 'message-only':
        // A 204 has no body: a message comes with 200.
        return { status: documented.status === 204 ? 200 : documented.status, body: { message } };
      case 'empty':
        return { status: kind === 'update' || kind === 'delete' ? 204 : 202 };
    }
  }

  function create(body: ParsedBody): Reply {
    if (body.kind === 'malformed') return malformedReply(body);
    const value = bodyValue(body);
    const problems = checkRequestBody('createServer', value);
    if (problems) return { status: 400, body: problems };
    const created = account.create(documentedPart<CreateRequest>('createServer', value as Record<string, unknown>));
    if (created.ok) {
      const message = 'Server is being provisioned. This may take 2-5 minutes.';
      const documented = { status: 201, body: { ...(described(created.server) as object), message } };
      return writeReply('create', documented, created.server, message);
    }
    if (created.reason === 'invalid') return { status: 400, body: created.fieldErrors };
    return { status: 402, body: { detail: created.detail } };
  }

  function power(id: number, action: SimulatedPowerAction): Reply {
    const result = account.power(id, action);
    if (result.ok) {
      const documented = { status: 200, body: { status: 'success', message: result.message, server: result.server } };
      return writeReply('power', documented, undefined, result.message);
    }
    if (result.reason === 'not-found') return SERVER_NOT_FOUND;
    return { status: 400, body: { detail: result.detail } };
  }

  function item(method: string, id: number, body: ParsedBody): Reply {
    const existing = account.get(id);
    if (!existing) return SERVER_NOT_FOUND;
    if (method === 'GET') return { status: 200, body: described(existing) };
    if (method === 'DELETE') {
      account.remove(id);
      return writeReply('delete', { status: 204 }, undefined, 'Server deleted.');
    }
    if (body.kind === 'malformed') return malformedReply(body);
    const operation = method === 'PUT' ? 'replaceServer' : 'updateServer';
    const value = bodyValue(body);
    const problems = checkRequestBody(operation, value);
    if (problems) return { status: 400, body: problems };
    const updated = account.update(id, documentedPart<UpdateRequest>(operation, value as Record<string, unknown>))!;
    return writeReply('update', { status: 200, body: described(updated) }, updated, 'Server updated.');
  }

  /** The answer to an authenticated (or not) request whose faults have passed. */
  return function respond(method: string, url: URL, authorized: boolean, body: ParsedBody): Reply {
    const target = matchRoute(url.pathname);
    if (!target) {
      // A missing trailing slash is a common client bug: say so instead of redirecting.
      if (!url.pathname.endsWith('/') && matchRoute(`${url.pathname}/`)) {
        return { status: 404, body: { detail: `Not found. API paths end with a slash: ${url.pathname}/` } };
      }
      return { status: 404, body: NOT_FOUND };
    }
    if (!authorized) {
      return {
        status: 401,
        body: { detail: 'Invalid or missing API token.' },
        headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
      };
    }
    const allowed = ALLOWED[target.kind];
    if (!allowed.includes(method)) {
      return {
        status: 405,
        body: { detail: `Method "${method}" not allowed.` },
        headers: { Allow: allowed.join(', ') },
      };
    }
    if (target.kind === 'collection') return method === 'GET' ? listReply(url) : create(body);
    if (target.kind === 'action') return power(target.id, target.action);
    return item(method, target.id, body);
  };
}

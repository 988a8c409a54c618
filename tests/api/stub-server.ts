// A scripted node:http server for the client's unit tests: each request is recorded and answered by a
// handler the test gives, so odd cases (foreign `next`, echoed Authorization, HTTP-date Retry-After,
// hangs, dropped connections) are one line each. Listens on 127.0.0.1, port 0.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeDetail, makeServer } from '../support/fixtures';

export interface StubRequest {
  method: string;
  /** Path with query, e.g. /api/v1/servers/?status=active */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type StubReply =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** Never answer (the connection stays open until the client gives up or the server closes). */
  | { hang: true }
  /** Send headers and part of the body, then never finish it. */
  | { hangBody: true; status: number }
  /** Drop the connection without answering. */
  | { destroy: true };

export type StubHandler = (request: StubRequest, origin: string) => StubReply;

export interface StubServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + /api/v1 */
  baseUrl: string;
  requests: StubRequest[];
  setHandler(handler: StubHandler): void;
  close(): Promise<void>;
}

export async function startStubServer(handler: StubHandler = () => ({ status: 500 })): Promise<StubServer> {
  let current = handler;
  const requests: StubRequest[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: StubRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const reply = current(request, origin);
      if ('hang' in reply) return;
      if ('destroy' in reply) {
        req.socket.destroy();
        return;
      }
      if ('hangBody' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"count":');
        return;
      }
      const body = reply.json === undefined ? (reply.text ?? '') : JSON.stringify(reply.json);
      const contentType = reply.json === undefined ? 'text/plain' : 'application/json';
      res.writeHead(reply.status, { 'content-type': contentType, ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api/v1`,
    requests,
    setHandler(next) {
      current = next;
    },
    close() {
      // Hanging exchanges would keep close() waiting forever.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A server as the list endpoint sends it; overrides may be anything, to send what the schema refuses. */
export function listServer(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...makeServer(id), ...overrides };
}

/** A server as the detail endpoint sends it. */
export function detailServer(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...makeDetail(makeServer(id)), ...overrides };
}

export function powerReply(id: number, status: string): Record<string, unknown> {
  return { status: 'success', message: `Server is ${status}`, server: { id, name: `web-${id}`, status } };
}

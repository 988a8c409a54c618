// A switchable HTTP relay in front of a simulator, for the preview's `offline` fault: the app is given
// the relay's address; switched offline, the relay stops listening (the app's requests meet a refused
// connection, as with no network) and, switched back, listens on the same port again. The simulator
// and its state are untouched meanwhile.
//
// Answers are passed on whole, except that the simulator's own origin in a JSON body (the list's
// absolute `next`/`previous` links) becomes the relay's: the client follows links on its base URL's
// origin only.
import { createServer, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Relay {
  /** The address to give the app: the target's, with the relay's host and port. */
  readonly baseUrl: string;
  readonly offline: boolean;
  /** Offline: stop listening and drop every open connection; online: listen on the same port again. */
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startRelay(targetBaseUrl: string): Promise<Relay> {
  const target = new URL(targetBaseUrl);
  const sockets = new Set<Socket>();
  const upstream = new Set<ClientRequest>();
  let relayOrigin = '';

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers = { ...req.headers, host: target.host };
      const forwarded = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (answer) => {
          void readAll(answer)
            .then((raw) => {
              const type = String(answer.headers['content-type'] ?? '');
              const text = type.includes('json') ? raw.toString('utf8').replaceAll(target.origin, relayOrigin) : null;
              const out = text === null ? raw : Buffer.from(text, 'utf8');
              const { 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = answer.headers;
              res.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': String(out.length) }).end(out);
            })
            .catch(() => res.destroy());
        },
      );
      upstream.add(forwarded);
      forwarded.on('close', () => upstream.delete(forwarded));
      forwarded.on('error', () => res.destroy());
      res.on('close', () => forwarded.destroy());
      forwarded.end(body);
    })().catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const each of upstream) each.destroy();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  const port = await listen(0);
  relayOrigin = `http://127.0.0.1:${port}`;
  const baseUrl = `${relayOrigin}${target.pathname.replace(/\/$/, '')}`;
  let offline = false;
  let closed = false;
  // One switch at a time: a stop finishes before the next listen starts.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (task: () => Promise<unknown>): Promise<void> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run.then(() => undefined);
  };
  return {
    baseUrl,
    get offline() {
      return offline;
    },
    setOffline: (next) =>
      serial(async () => {
        if (closed || next === offline) return;
        offline = next;
        if (next) await stop();
        else await listen(port);
      }),
    close: () =>
      serial(async () => {
        if (closed) return;
        closed = true;
        if (!offline) await stop();
      }),
  };
}

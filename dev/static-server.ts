// A small static file server for the built renderer, on 127.0.0.1 with a random port. It sends the
// same Content-Security-Policy header the Electron main process sets for the popup page.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: {
  root: string;
  csp: string;
  /** Tried first; returns true when it answered. */
  extraRoute?: ExtraRoute;
  /** Rewrites index.html (the preview injects its bridge script). */
  transformIndex?: (html: string) => string;
  /** Default 0: a free port (tests); the preview asks for a fixed one. */
  port?: number;
}): Promise<StaticServer> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    void (async () => {
      if (options.extraRoute && (await options.extraRoute(req, res))) return;
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
      const file = normalize(join(root, relative));
      // Inside the root folder only (a sibling such as `<root>-x` shares the prefix but not the separator).
      if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return void res.writeHead(404).end('not found');
      const headers = {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': options.csp,
        'cache-control': 'no-store',
      };
      if (relative === 'index.html' && options.transformIndex) {
        res.writeHead(200, headers).end(options.transformIndex(await readFile(file, 'utf8')));
        return;
      }
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    // e.g. EADDRINUSE when the preview's fixed port is taken.
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', resolveListen);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}

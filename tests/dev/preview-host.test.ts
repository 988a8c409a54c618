// The preview's Host check holds from the first request on: a request that arrives while the backend is
// still starting (its server already listening) gets nothing either. The harness's start is wrapped so
// such a request is made deterministically, before startBackend returns.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BackendOptions } from '../../dev/harness';

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
const early = vi.hoisted(() => ({ answers: [] as Array<{ host: string; handled: boolean; status?: number }> }));

/** A request as the static server hands it to the route, on local port 4173. */
function request(host: string): IncomingMessage {
  return { url: '/index.html', method: 'GET', headers: { host }, socket: { localPort: 4173 } } as never;
}

function response(record: { status?: number }): ServerResponse {
  const res = {
    writeHead(status: number) {
      record.status = status;
      return res;
    },
    end() {
      return res;
    },
  };
  return res as never;
}

vi.mock('../../dev/harness', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../dev/harness')>();
  return {
    ...original,
    startBackend: async (options: BackendOptions) => {
      // The server listens before the backend is handed back: the first requests can arrive now.
      for (const host of ['attacker.example:4173', '127.0.0.1:4173']) {
        const record: { status?: number } = {};
        const handled = await (options.extraRoute as Route)(request(host), response(record));
        early.answers.push({ host, handled, ...record });
      }
      return original.startBackend(options);
    },
  };
});

const { startPreview } = await import('../../dev/preview');
const assetsDir = mkdtempSync(join(tmpdir(), 'vps-preview-host-'));
afterAll(() => rmSync(assetsDir, { recursive: true, force: true }));

describe('the preview while it starts', () => {
  it('refuses a foreign Host on the first request, and lets its own through to the page', async () => {
    mkdirSync(join(assetsDir, 'renderer'));
    writeFileSync(join(assetsDir, 'renderer', 'index.html'), '<html><head></head><body></body></html>');
    writeFileSync(join(assetsDir, 'http-bridge.js'), '/* bridge */');
    const preview = await startPreview({ port: 0, servers: 2, assetsDir });
    await preview.close();
    expect(early.answers).toEqual([
      { host: 'attacker.example:4173', handled: true, status: 421 },
      // Its own Host: not answered by the check; the static server serves the page.
      { host: '127.0.0.1:4173', handled: false },
    ]);
  });
});

// `npm run preview` as a tool: its command line (--help, usage errors, a taken port), the error states
// switched through its page's endpoint and seen in the bridge's answers, and the app's desktop
// notifications carried to its page. A stand-in build folder (a page and a bridge file) is enough: the
// server, simulators, relays and core are real.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_TOKEN_HEADER, startPreview, type Preview } from '../../dev/preview';
import { parsePreviewArgs, PREVIEW_CLI_OPTIONS } from '../../dev/preview-cli';
import { PREVIEW_FAULTS } from '../../dev/preview-faults';
import type { FleetSnapshot } from '../../common/contract';
import type { HistoryDigest } from '../../common/history';
import { send } from './send';

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'" />
<script type="module" crossorigin src="./assets/index.js"></script>
</head><body></body></html>`;

/** Runs `npm run preview`'s script with these arguments; its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev/preview.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listenSomewhere(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/** The preview page's event stream: every event it sends, as {event, data}. */
function openPanelStream(preview: Preview, headers: Record<string, string> = {}) {
  const events: Array<{ event: string; data: unknown }> = [];
  const url = new URL(`__preview/events?token=${encodeURIComponent(preview.token)}`, preview.shellUrl);
  let status = 0;
  const req = httpRequest(url, { headers: { referer: preview.shellUrl, ...headers } }, (res) => {
    status = res.statusCode ?? 0;
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as unknown });
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return { events, status: () => status, close: () => req.destroy() };
}

let assetsDir: string;
let preview: Preview;

const shellHeaders = () => ({
  origin: new URL(preview.shellUrl).origin,
  referer: preview.shellUrl,
  'content-type': 'application/json',
  [PREVIEW_TOKEN_HEADER]: preview.token,
});
const switchFault = (fault: string, on: boolean, headers: Record<string, string> = shellHeaders()) =>
  send(new URL('__preview/faults', preview.shellUrl).toString(), {
    method: 'POST',
    headers,
    body: JSON.stringify({ fault, on }),
  });
/** What the popup gets when it subscribes through the bridge, after the poll the switch started. */
async function fleetThroughBridge(): Promise<FleetSnapshot> {
  await preview.switched();
  const answer = await send(new URL('__ipc/vps%3Afleet%3Asubscribe', preview.url).toString(), {
    method: 'POST',
    headers: { ...shellHeaders(), referer: preview.url },
    body: '{}',
  });
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { value: FleetSnapshot }).value;
}

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'vps-preview-tool-'));
  mkdirSync(join(assetsDir, 'renderer'));
  writeFileSync(join(assetsDir, 'renderer', 'index.html'), PAGE);
  writeFileSync(join(assetsDir, 'http-bridge.js'), '/* bridge */');
  preview = await startPreview({ port: 0, servers: 3, speed: 600, assetsDir });
});
afterAll(async () => {
  await preview.close();
  rmSync(assetsDir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const fault of PREVIEW_FAULTS) await preview.faults.set(fault, false);
});

describe('the command line', () => {
  it('--help lists every option with its default and every fault, and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    for (const [name, option] of Object.entries(PREVIEW_CLI_OPTIONS)) {
      // Each option on a line of its own, with its default where it has one.
      const line = lines.find((each) => each.includes(`--${name} `) || each.endsWith(`--${name}`)) ?? '';
      expect(line).toContain(`--${name}`);
      expect(line).toContain('default' in option ? `(default: ${option.default || 'none'})` : option.help);
    }
    for (const name of ['--port', '--servers', '--speed', '--accounts', '--faults', '--help'])
      expect(stdout).toContain(name);
    for (const fault of PREVIEW_FAULTS) expect(stdout).toMatch(new RegExp(`^  ${fault} `, 'm'));
  });

  it('an unknown option is named, points at --help and exits 2, without a stack trace', async () => {
    const { code, stderr } = await runCli(['--colour', 'red']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --colour');
    expect(stderr).toContain('--help');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(() => parsePreviewArgs(['--faults', 'slow,teapot'])).toThrow(/--faults: unknown fault "teapot".*--help/);
    expect(() => parsePreviewArgs(['--accounts', '12'])).toThrow(/--accounts.*--help/);
    expect(parsePreviewArgs(['--faults', '5xx, offline'])).toMatchObject({ faults: ['5xx', 'offline'], port: 5174 });
  });

  it('a taken port is named with --port and the next one to try, without a stack trace', async () => {
    const { server, port } = await listenSomewhere();
    try {
      const { code, stderr } = await runCli(['--port', String(port)]);
      expect(code).not.toBe(0);
      expect(stderr.trim()).toBe(`preview: port ${port} is in use — another preview? try --port ${port + 1}`);
      // The same from the API the e2e journeys use.
      await expect(startPreview({ port, assetsDir })).rejects.toThrow(`port ${port} is in use`);
    } finally {
      server.close();
    }
  });
});

describe('error states', () => {
  it('5xx switched on in the page shows in the bridge: the list kept, stale with the 503', async () => {
    const { core, sim } = preview.backend;
    // The list to keep, read before the fault.
    await core.refreshNow();
    expect((await fleetThroughBridge()).servers).toHaveLength(3);
    // A poll in flight when the switch comes, its answer decided before it (and held 500 ms): the page
    // shows what a poll after this one reads.
    sim.setFaultFlags({ latencyMs: 500 });
    const asked = sim.requests.length;
    void core.refreshNow();
    await expect.poll(() => sim.requests.length).toBeGreaterThan(asked);
    const answer = await switchFault('5xx', true);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ faults: { '5xx': true, slow: false } });
    const fleet = await fleetThroughBridge();
    expect(fleet.servers).toHaveLength(3);
    expect(fleet.status.stale).toMatchObject({ kind: 'server', status: 503 });
    await switchFault('5xx', false);
    expect((await fleetThroughBridge()).status.stale).toBeNull();
  });

  it('offline refuses connections: the list is stale as unreachable', async () => {
    await switchFault('offline', true);
    expect((await fleetThroughBridge()).status.stale).toMatchObject({ kind: 'network' });
    await switchFault('offline', false);
    expect((await fleetThroughBridge()).status.stale).toBeNull();
  });

  it('429 is rate limited with its Retry-After', async () => {
    await switchFault('429', true);
    expect((await fleetThroughBridge()).status.stale).toMatchObject({ kind: 'rate-limited' });
  }, 30_000);

  it('revoked asks for a token; switched off, the token is entered again and the list is back', async () => {
    await switchFault('revoked', true);
    await preview.backend.core.refreshNow();
    await expect.poll(() => preview.backend.core.authState().mode).toBe('none');
    await switchFault('revoked', false);
    expect(preview.backend.core.authState()).toMatchObject({ mode: 'token' });
    expect((await fleetThroughBridge()).servers).toHaveLength(3);
  });

  it('only the preview page may switch: without the token, or from another page, refused', async () => {
    const { [PREVIEW_TOKEN_HEADER]: _token, ...withoutToken } = shellHeaders();
    expect((await switchFault('5xx', true, withoutToken)).status).toBe(403);
    expect((await switchFault('5xx', true, { ...shellHeaders(), referer: preview.url })).status).toBe(403);
    expect((await switchFault('5xx', true, { ...shellHeaders(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await switchFault('teapot', true)).status).toBe(400);
    expect(preview.faults.state()['5xx']).toBe(false);
  });
});

describe('desktop notifications', () => {
  it("a notification the app sends reaches the preview page's event stream", async () => {
    const stream = openPanelStream(preview);
    try {
      await expect.poll(() => stream.events.some((each) => each.event === 'faults')).toBe(true);
      const [id] = preview.backend.sim.listServerIds().filter((candidate) => {
        const server = preview.backend.sim.getServer(candidate) as { status?: string } | undefined;
        return server?.status === 'active';
      });
      expect(id).toBeDefined();
      const accepted = await preview.backend.core.powerAction({ accountId: 'default', id: id! }, 'reboot');
      expect(accepted.ok).toBe(true);
      const toasts = () => stream.events.filter((each) => each.event === 'notification');
      await expect.poll(() => toasts().length, { timeout: 15_000 }).toBe(1);
      // The one the app sent (the reboot's outcome), as the desktop would have shown it.
      expect(preview.backend.ports.notifier.notifications).toHaveLength(1);
      const [sent] = preview.backend.ports.notifier.notifications;
      expect(sent!.body).toMatch(/reboot/i);
      expect(toasts()[0]!.data).toMatchObject({ id: expect.any(Number), title: sent!.title, body: sent!.body });
    } finally {
      stream.close();
    }
  }, 20_000);

  it('the stream is refused without the token or from another page', async () => {
    const url = (query: string) => new URL(`__preview/events${query}`, preview.shellUrl).toString();
    expect((await send(url(''), { headers: { referer: preview.shellUrl } })).status).toBe(403);
    const fromApp = openPanelStream(preview, { referer: preview.url });
    await expect.poll(() => fromApp.status()).toBe(403);
    fromApp.close();
  });
});

describe('history', () => {
  it('the seeded week answers through the bridge: a digest since the popup was last closed', async () => {
    const answer = await send(new URL('__ipc/vps%3Ahistory%3Adigest', preview.url).toString(), {
      method: 'POST',
      headers: { ...shellHeaders(), referer: preview.url },
      body: '{}',
    });
    expect(answer.status).toBe(200);
    const digest = (JSON.parse(answer.body) as { value: HistoryDigest | null }).value;
    expect(digest?.entries.length).toBeGreaterThan(0);
  });
});

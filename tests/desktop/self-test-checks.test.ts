import { describe, expect, it } from 'vitest';
import type { ActionOutcome } from '../../common/contract/fleet';
import { runChecks, selfTestChecks, type SelfTestPorts } from '../../main/desktop/self-test';
import type { TraySummary } from '../../main/tray/summary';

const REF = { accountId: 'demo', id: 7 };

function fakePorts(overrides: Partial<SelfTestPorts> = {}): SelfTestPorts {
  let visible = false;
  const listeners = new Set<(outcome: ActionOutcome) => void>();
  const summary = {
    icon: 'demo',
    serverCount: 2,
    servers: [{ ref: REF, name: 'api-01', status: 'running', ip: null, pending: false, actions: ['stop', 'reboot'] }],
  } as unknown as TraySummary;
  return {
    started: Promise.resolve(),
    tray: { exists: () => true, summary: () => summary },
    popup: { open: () => void (visible = true), isVisible: () => visible, countRows: () => Promise.resolve(2) },
    power: {
      reboot: (ref) => {
        setTimeout(() => {
          for (const listener of listeners)
            listener({
              ref,
              serverName: 'api-01',
              action: 'reboot',
              outcome: 'done',
              message: 'api-01 rebooted',
              elapsedMs: 5,
              finalStatus: 'running',
            });
        }, 5);
        return Promise.resolve({ ok: true });
      },
      onActionFinished: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    safeStorage: () =>
      Promise.resolve({
        // Tagged v11 as Chromium tags data sealed with a keyring's key on Linux (linux-keyring.ts).
        encrypt: (text: string) =>
          Promise.resolve(Buffer.concat([Buffer.from('v11'), Buffer.from(text).map((byte) => byte ^ 0x5a)])),
        decrypt: (data: Uint8Array) =>
          Promise.resolve(Buffer.from(data.subarray(3).map((byte) => byte ^ 0x5a)).toString()),
        backend: () => 'gnome_libsecret',
      }),
    packaged: null,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...overrides,
  };
}

const run = (ports: SelfTestPorts) => runChecks(selfTestChecks(ports), { deadlineAt: Date.now() + 5_000 });
const detailOf = async (ports: SelfTestPorts, name: string) =>
  (await run(ports)).checks.find((check) => check.name === name);

describe('the self-test checks over their ports', () => {
  it('a working app passes each, in the order a first launch meets them; packaged checks skipped in development', async () => {
    const verdict = await run(fakePorts());
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.map(({ name, detail }) => [name, detail])).toEqual([
      ['start', undefined],
      ['tray', '2 servers, icon demo'],
      ['popup', undefined],
      ['first-rows', '2 rows'],
      ['reboot', 'api-01: api-01 rebooted'],
      ['safe-storage', 'stored and read back (gnome_libsecret, key: secret-service)'],
      ['fuses', 'skipped: not packaged'],
      ['app-update.yml', 'skipped: not packaged'],
    ]);
  });

  it('a start-up that failed fails `start` with its reason', async () => {
    const started = Promise.reject(new Error('vault unreadable'));
    expect(await detailOf(fakePorts({ started }), 'start')).toMatchObject({ ok: false, detail: 'vault unreadable' });
  });

  it('a refused reboot, and one that settled elsewhere, fail `reboot`', async () => {
    const ports = fakePorts();
    const refused = fakePorts({
      power: { ...ports.power, reboot: () => Promise.resolve({ ok: false, error: { message: 'busy' } }) },
    });
    expect(await detailOf(refused, 'reboot')).toMatchObject({ ok: false, detail: 'api-01: refused: busy' });
    const listeners: Array<(outcome: ActionOutcome) => void> = [];
    const failed = fakePorts({
      power: {
        onActionFinished: (listener) => (listeners.push(listener), () => {}),
        reboot: (ref) => {
          queueMicrotask(() => {
            for (const listener of listeners)
              listener({
                ref,
                serverName: 'api-01',
                action: 'reboot',
                outcome: 'failed',
                message: 'stopped instead',
                elapsedMs: 5,
                finalStatus: 'stopped',
              });
          });
          return Promise.resolve({ ok: true });
        },
      },
    });
    expect(await detailOf(failed, 'reboot')).toMatchObject({ ok: false, detail: 'api-01: failed: stopped instead' });
  });

  it('safeStorage: skipped where it cannot encrypt; a token stored readable or read back wrong fails', async () => {
    expect(await detailOf(fakePorts({ safeStorage: () => Promise.resolve(null) }), 'safe-storage')).toMatchObject({
      ok: true,
      detail: 'skipped: safeStorage cannot encrypt on this desktop',
    });
    const plain = {
      encrypt: (t: string) => Promise.resolve(Buffer.from(t)),
      decrypt: () => Promise.resolve(''),
      backend: () => null,
    };
    expect(await detailOf(fakePorts({ safeStorage: () => Promise.resolve(plain) }), 'safe-storage')).toMatchObject({
      ok: false,
      detail: 'the token is readable in what was stored',
    });
  });

  it('packaged: the fuses and app-update.yml are read back and a wrong one fails', async () => {
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const packaged = (wire: string, yml: string | null): SelfTestPorts['packaged'] => ({
      readFuseBinary: () =>
        Promise.resolve(Buffer.concat([Buffer.from(sentinel), Buffer.from([1, 8]), Buffer.from(wire)])),
      readAppUpdateYml: () => Promise.resolve(yml),
    });
    const good = await run(
      fakePorts({ packaged: packaged('01001100', 'owner: someone\nrepo: vps-org-tray\nprovider: github\n') }),
    );
    expect(good.checks.slice(-2)).toEqual([
      { name: 'fuses', ok: true, ms: expect.any(Number) as unknown, detail: 'wire 01001100' },
      { name: 'app-update.yml', ok: true, ms: expect.any(Number) as unknown, detail: 'github someone/vps-org-tray' },
    ]);
    const bad = await run(fakePorts({ packaged: packaged('11001100', null) }));
    expect(bad.ok).toBe(false);
    expect(bad.checks.slice(-2).map(({ ok, detail }) => [ok, detail])).toEqual([
      [false, 'runAsNode is 1, not 0'],
      [false, 'resources/app-update.yml is missing: the app cannot find its updates'],
    ]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { runTrayIntent, type TrayIntent, type TrayIntentDeps } from '../../main/tray/intents';
import { cs, en, ref } from './fixtures';

function intentDeps(overrides: Partial<TrayIntentDeps> = {}) {
  const d = {
    openPopup: vi.fn<() => void>(),
    openSettings: vi.fn<() => void>(),
    refreshNow: vi.fn<() => Promise<void>>(async () => {}),
    quit: vi.fn<() => void>(),
    openLogFolder: vi.fn<() => Promise<void>>(async () => {}),
    writeClipboard: vi.fn<(text: string) => void>(),
    getMessages: () => en,
    confirm: vi.fn<TrayIntentDeps['confirm']>(async () => true),
    powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({ ok: true })),
    notify: vi.fn<(title: string, body: string) => void>(),
    ...overrides,
  };
  return d;
}

describe('tray intents', () => {
  const reboot: TrayIntent = { intent: 'power', ref: ref(1), serverName: 'web-01', action: 'reboot', confirm: true };

  it('asks before a confirmed action and sends it once when agreed', async () => {
    const d = intentDeps();
    await runTrayIntent(reboot, d);
    expect(d.confirm).toHaveBeenCalledWith(
      'Reboot web-01?',
      'The server will restart; running services are interrupted.',
      'Reboot',
      'Cancel',
    );
    expect(d.powerAction).toHaveBeenCalledTimes(1);
    expect(d.powerAction).toHaveBeenCalledWith(ref(1), 'reboot', 'tray');
  });

  it('sends nothing when the user cancels', async () => {
    const d = intentDeps({ confirm: vi.fn<TrayIntentDeps['confirm']>(async () => false) });
    await runTrayIntent(reboot, d);
    expect(d.powerAction).not.toHaveBeenCalled();
  });

  it('does not ask for unconfirmed actions, and notifies a refusal that was never sent', async () => {
    const d = intentDeps({
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: {
          kind: 'conflict',
          message: 'English fallback',
          conflict: { reason: 'already-running', serverName: 'web-01', status: 'active' },
        },
      })),
    });
    await runTrayIntent({ ...reboot, action: 'start', confirm: false }, d);
    expect(d.confirm).not.toHaveBeenCalled();
    expect(d.notify).toHaveBeenCalledTimes(1);
    expect(d.notify).toHaveBeenCalledWith('The start of web-01 failed', 'web-01 is already running.');
  });

  it('words a refusal from its reason in Czech', async () => {
    const refusals = [
      [{ reason: 'already-running', serverName: 'web-01', status: 'active' }, 'Server web-01 už běží.'],
      [
        { reason: 'in-flight', serverName: 'web-01', status: 'rebooting', pendingAction: 'reboot' },
        'web-01: počkejte, až doběhne probíhající akce „restartovat“.',
      ],
      [
        { reason: 'transitional', serverName: 'web-01', status: 'stopping' },
        'Stav serveru web-01: zastavuje se; počkejte, až se ustálí.',
      ],
      [
        { reason: 'suspended', serverName: 'web-01', status: 'suspended' },
        'Server web-01 je pozastaven; akce napájení nejsou k dispozici.',
      ],
    ] as const;
    for (const [conflict, body] of refusals) {
      const d = intentDeps({
        getMessages: () => cs,
        powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
          ok: false,
          error: { kind: 'conflict', message: 'English fallback', conflict },
        })),
      });
      await runTrayIntent({ ...reboot, confirm: false }, d);
      expect(d.notify).toHaveBeenCalledWith('Akce „restartovat“ serveru web-01 selhala', body);
    }
  });

  it("words a refusal without its own reason in the user's language, never the core's English", async () => {
    const d = intentDeps({
      getMessages: () => cs,
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: { kind: 'invalid-payload', message: 'English fallback' },
      })),
    });
    await runTrayIntent({ ...reboot, confirm: false }, d);
    expect(d.notify).toHaveBeenCalledWith(
      'Akce „restartovat“ serveru web-01 selhala',
      'Akce nebyla odeslána. Otevřete aplikaci a zkuste to znovu.',
    );
  });

  it.each(['server', 'network', 'not-found', 'timeout'] as const)(
    'leaves a sent action that failed (%s) to the core, which notifies its outcome',
    async (kind) => {
      const d = intentDeps({
        powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
          ok: false,
          error: { kind, message: 'The API failed' },
        })),
      });
      await runTrayIntent(reboot, d);
      expect(d.powerAction).toHaveBeenCalledTimes(1);
      expect(d.notify).not.toHaveBeenCalled();
    },
  );

  it('asks and reports in Czech when the language is Czech', async () => {
    const d = intentDeps({
      getMessages: () => cs,
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: { kind: 'no-token', message: 'Set a VPS.org API token first.' },
      })),
    });
    await runTrayIntent({ ...reboot, action: 'stop' }, d);
    expect(d.confirm).toHaveBeenCalledWith(
      'Zastavit web-01?',
      'Server se vypne; běžící služby se přeruší.',
      'Zastavit',
      'Zrušit',
    );
    expect(d.notify).toHaveBeenCalledWith(
      'Akce „zastavit“ serveru web-01 selhala',
      'Není nastaven API token — otevřete aplikaci a přidejte ho',
    );
  });

  it('copies the IP, opens, refreshes and quits; a throwing effect does not escape', async () => {
    const d = intentDeps({ refreshNow: vi.fn<() => Promise<void>>(async () => Promise.reject(new Error('boom'))) });
    await runTrayIntent({ intent: 'copy-ip', ip: '203.0.113.10' }, d);
    await runTrayIntent({ intent: 'open' }, d);
    await runTrayIntent({ intent: 'settings' }, d);
    await expect(runTrayIntent({ intent: 'refresh' }, d)).resolves.toBeUndefined();
    await runTrayIntent({ intent: 'quit' }, d);
    expect(d.writeClipboard).toHaveBeenCalledWith('203.0.113.10');
    expect(d.openPopup).toHaveBeenCalledTimes(1);
    expect(d.openSettings).toHaveBeenCalledTimes(1);
    expect(d.quit).toHaveBeenCalledTimes(1);
  });

  it('opens the log folder; a failure to open it is logged, not thrown', async () => {
    const d = intentDeps();
    await runTrayIntent({ intent: 'open-logs' }, d);
    expect(d.openLogFolder).toHaveBeenCalledTimes(1);
    const lines: string[] = [];
    const failing = intentDeps({
      openLogFolder: async () => Promise.reject(new Error('no file manager')),
      log: (level, message) => lines.push(`${level} ${message}`),
    });
    await expect(runTrayIntent({ intent: 'open-logs' }, failing)).resolves.toBeUndefined();
    expect(lines).toEqual(['error Tray action open-logs failed: no file manager']);
  });
});

describe('the API’s text in the tray’s dialogs and notifications (main/i18n/native-text.ts)', () => {
  const hostile = 'web\n\u202Eexe.gnp\u202C שרת';
  const power: TrayIntent = { intent: 'power', ref: ref(1), serverName: hostile, action: 'stop', confirm: true };

  it('the confirmation names the server on one line, overrides gone, right-to-left text isolated', async () => {
    const d = intentDeps();
    await runTrayIntent(power, d);
    expect(d.confirm).toHaveBeenCalledWith('Stop \u2068web exe.gnp שרת\u2069?', expect.any(String), 'Stop', 'Cancel');
  });

  it('a very long name is cut in the dialog', async () => {
    const d = intentDeps();
    await runTrayIntent({ ...power, serverName: 'x'.repeat(10_000) }, d);
    expect(d.confirm).toHaveBeenCalledWith(`Stop ${'x'.repeat(63)}…?`, expect.any(String), 'Stop', 'Cancel');
  });

  it('a refusal names the server the same way', async () => {
    const d = intentDeps({
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: {
          kind: 'conflict',
          message: 'x',
          conflict: { reason: 'already-running', serverName: hostile, status: 'active' },
        },
      })),
    });
    await runTrayIntent({ ...power, action: 'start', confirm: false }, d);
    expect(d.notify).toHaveBeenCalledWith(
      'The start of \u2068web exe.gnp שרת\u2069 failed',
      '\u2068web exe.gnp שרת\u2069 is already running.',
    );
  });

  it.each(['203.0.113.10\nrm -rf ~', 'example.org', '', '203.0.113.300', ' 203.0.113.10'])(
    'copies no text that is not an address: %j',
    async (ip) => {
      const d = intentDeps();
      await runTrayIntent({ intent: 'copy-ip', ip }, d);
      expect(d.writeClipboard).not.toHaveBeenCalled();
    },
  );

  it('copies an IPv6 address', async () => {
    const d = intentDeps();
    await runTrayIntent({ intent: 'copy-ip', ip: '2001:db8::1' }, d);
    expect(d.writeClipboard).toHaveBeenCalledWith('2001:db8::1');
  });
});

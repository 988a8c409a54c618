import { describe, expect, it, vi } from 'vitest';
import { VpsApiError } from '../../main/api/errors';
import { payloadValidators } from '../../main/core';
import { ActionRefused, DomainError } from '../../main/errors';
import { createRouter, isAppPageUrl, type RouterHandlers } from '../../main/ipc/router';
import { defaultSettings } from '../../main/settings/schema';
import { InvokeChannel } from '../../common/contract';

const APP = 'file:///opt/app/dist/renderer/index.html';
const trusted = { url: `${APP}#/list` };

const fail = () => {
  throw new Error('not used in this test');
};

function makeHandlers(overrides: Partial<RouterHandlers> = {}): RouterHandlers {
  const base: RouterHandlers = {
    [InvokeChannel.appInfo]: () => ({ version: '1', platform: 'linux', systemLocale: 'en-US', notices: [] }),
    [InvokeChannel.authState]: () => ({ mode: 'none' }),
    [InvokeChannel.tokenSet]: fail,
    [InvokeChannel.tokenClear]: fail,
    [InvokeChannel.demoStart]: fail,
    [InvokeChannel.demoStop]: fail,
    [InvokeChannel.accountAdd]: fail,
    [InvokeChannel.accountRename]: fail,
    [InvokeChannel.accountRemove]: fail,
    [InvokeChannel.fleetSubscribe]: fail,
    [InvokeChannel.fleetRefresh]: fail,
    [InvokeChannel.serversList]: fail,
    [InvokeChannel.serversGet]: fail,
    [InvokeChannel.serversCreate]: fail,
    [InvokeChannel.serversReplace]: fail,
    [InvokeChannel.serversUpdate]: fail,
    [InvokeChannel.serversDelete]: fail,
    [InvokeChannel.serversStart]: fail,
    [InvokeChannel.serversStop]: fail,
    [InvokeChannel.serversReboot]: fail,
    [InvokeChannel.settingsGet]: () => defaultSettings(),
    [InvokeChannel.settingsSet]: fail,
    [InvokeChannel.clipboardWrite]: () => null,
    [InvokeChannel.popupBootstrap]: fail,
    [InvokeChannel.popupHide]: () => null,
    [InvokeChannel.shortcutStatus]: () => ({ state: 'off' }),
    [InvokeChannel.diagnosticsCopy]: () => null,
    [InvokeChannel.updatesState]: () => ({ unavailable: 'development', phase: 'idle', version: null, checkedAt: null }),
    [InvokeChannel.alertsState]: fail,
    [InvokeChannel.alertsExpect]: fail,
    [InvokeChannel.alertsAcknowledge]: fail,
    [InvokeChannel.alertsPause]: fail,
    [InvokeChannel.alertsConfigure]: fail,
    [InvokeChannel.alertsServerThresholds]: fail,
    [InvokeChannel.historyDigest]: fail,
    [InvokeChannel.historyDismissDigest]: fail,
    [InvokeChannel.historyServer]: fail,
    [InvokeChannel.historyExport]: fail,
    [InvokeChannel.historyClear]: fail,
  };
  return { ...base, ...overrides };
}

const isTrusted = (sender: { url: string }) => isAppPageUrl(sender.url, APP);

describe('createRouter', () => {
  it('lists every invoke channel', () => {
    const router = createRouter(makeHandlers(), isTrusted);
    expect(router.channels.toSorted()).toEqual(Object.values(InvokeChannel).toSorted());
  });

  it('refuses a foreign sender without running the handler', async () => {
    const handler = vi.fn<() => { mode: 'none' }>(() => ({ mode: 'none' }));
    const router = createRouter(makeHandlers({ [InvokeChannel.authState]: handler }), isTrusted);
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', '', 'not a url']) {
      expect(await router.handle(InvokeChannel.authState, undefined, { url })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await router.handle(InvokeChannel.authState, undefined, trusted)).toEqual({
      ok: true,
      value: { mode: 'none' },
    });
  });

  it('rejects malformed payloads and unknown channels with invalid-payload', async () => {
    const start = vi.fn<() => { message: string }>(() => ({ message: 'ok' }));
    const router = createRouter(makeHandlers({ [InvokeChannel.serversStart]: start }), isTrusted, {
      validators: payloadValidators,
    });
    const bad = [
      [InvokeChannel.serversStart, { accountId: 'default', id: -1 }],
      [InvokeChannel.serversStart, { accountId: 'default', id: 1.5 }],
      [InvokeChannel.serversStart, { accountId: 'default', id: 1, extra: true }],
      [InvokeChannel.serversStart, '12345'],
      [InvokeChannel.authState, { unexpected: 1 }],
      [InvokeChannel.settingsSet, { pollIntervals: { fastSeconds: 0 } }],
      [InvokeChannel.settingsSet, { apiBaseUrl: 'javascript:alert(1)' }],
      [InvokeChannel.clipboardWrite, 42],
      [InvokeChannel.clipboardWrite, 'x'.repeat(4097)],
      [InvokeChannel.serversList, { status: 5 }],
      ['vps:unknown', undefined],
    ] as const;
    for (const [channel, payload] of bad) {
      const result = await router.handle(channel, payload, trusted);
      expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { kind: 'invalid-payload' },
      });
    }
    expect(start).not.toHaveBeenCalled();
  });

  it('gives field errors in English for create/replace/update input', async () => {
    const router = createRouter(makeHandlers(), isTrusted, { validators: payloadValidators });
    const result = await router.handle(
      InvokeChannel.serversReplace,
      { ref: { accountId: 'default', id: 1 }, input: { name: 'ok-name', hostname: 'nodot', backups_enabled: 'yes' } },
      trusted,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'bad-request',
        message: 'Some fields are not valid.',
        fieldErrors: {
          hostname: ['Must be a fully qualified domain name, e.g. web01.example.com.'],
          backups_enabled: ['Must be true or false.'],
        },
        fieldViolations: { hostname: ['invalid-hostname'], backups_enabled: ['not-boolean'] },
      },
    });
  });

  it('gives the rule codes of a failed create and update, for the popup to word', async () => {
    const create = vi.fn<() => never>(() => {
      throw new Error('must not run');
    });
    const router = createRouter(makeHandlers({ [InvokeChannel.serversCreate]: create }), isTrusted, {
      validators: payloadValidators,
    });
    const created = await router.handle(InvokeChannel.serversCreate, { name: '-bad', plan_id: 0 }, trusted);
    expect(created).toMatchObject({
      ok: false,
      error: {
        kind: 'bad-request',
        fieldViolations: {
          name: ['invalid-name'],
          plan_id: ['not-positive'],
          os_id: ['required'],
          location: ['required'],
        },
      },
    });
    const updated = await router.handle(
      InvokeChannel.serversUpdate,
      { ref: { accountId: 'default', id: 1 }, patch: {} },
      trusted,
    );
    expect(updated).toMatchObject({
      ok: false,
      error: { kind: 'bad-request', fieldViolations: { non_field_errors: ['no-fields'] } },
    });
    expect(create).not.toHaveBeenCalled();
  });

  it('without validators, every channel takes no payload (nothing reaches a handler unchecked)', async () => {
    const start = vi.fn<() => { message: string }>(() => ({ message: 'ok' }));
    const router = createRouter(makeHandlers({ [InvokeChannel.serversStart]: start }), isTrusted);
    expect(await router.handle(InvokeChannel.serversStart, { accountId: 'default', id: 1 }, trusted)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-payload' },
    });
    expect(start).not.toHaveBeenCalled();
    expect(await router.handle(InvokeChannel.appInfo, undefined, trusted)).toMatchObject({ ok: true });
  });

  it('maps thrown errors to results; unknown errors get a generic message', async () => {
    const onUnexpectedError = vi.fn<(channel: string, error: unknown) => void>();
    const router = createRouter(
      makeHandlers({
        [InvokeChannel.serversStart]: () => {
          throw new VpsApiError('rate-limited', 'Slow down.', { status: 429, retryAfterSeconds: 30 });
        },
        [InvokeChannel.serversStop]: () => {
          throw new DomainError('conflict', 'Busy.');
        },
        [InvokeChannel.serversReboot]: async () => {
          throw new TypeError('cannot read properties of undefined (token=abc)');
        },
      }),
      isTrusted,
      { validators: payloadValidators, onUnexpectedError },
    );
    const ref = { accountId: 'default', id: 7 };
    expect(await router.handle(InvokeChannel.serversStart, ref, trusted)).toEqual({
      ok: false,
      error: { kind: 'rate-limited', message: 'Slow down.', status: 429, retryAfterSeconds: 30 },
    });
    expect(await router.handle(InvokeChannel.serversStop, ref, trusted)).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'Busy.' },
    });
    const internal = await router.handle(InvokeChannel.serversReboot, ref, trusted);
    expect(internal).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('token=abc');
    expect(onUnexpectedError).toHaveBeenCalledTimes(1);
  });

  it('passes the API’s own text and an unknown outcome to the popup, redacted like the message', async () => {
    const router = createRouter(
      makeHandlers({
        [InvokeChannel.serversReboot]: () => {
          throw new VpsApiError('server', 'VPS.org had a problem (502). VPS.org said: "Gateway SECRET"', {
            status: 502,
            apiText: 'Gateway SECRET',
            outcomeUnknown: true,
          });
        },
        [InvokeChannel.serversStart]: () => {
          throw new VpsApiError('network', 'VPS.org could not be reached: connect ECONNREFUSED.', {
            outcomeUnknown: false,
          });
        },
        [InvokeChannel.serversStop]: () => {
          throw new DomainError('conflict', 'Refused SECRET.');
        },
        [InvokeChannel.serversUpdate]: () => {
          throw new ActionRefused(
            { reason: 'in-flight', serverName: 'web-SECRET', status: 'rebooting', pendingAction: 'reboot' },
            'web-SECRET: wait until the current action (reboot) finishes.',
          );
        },
      }),
      isTrusted,
      { validators: payloadValidators, redact: (text) => text.replaceAll('SECRET', '[redacted]') },
    );
    const ref = { accountId: 'default', id: 7 };
    expect(await router.handle(InvokeChannel.serversReboot, ref, trusted)).toEqual({
      ok: false,
      error: {
        kind: 'server',
        message: 'VPS.org had a problem (502). VPS.org said: "Gateway [redacted]"',
        status: 502,
        apiText: 'Gateway [redacted]',
        outcomeUnknown: true,
      },
    });
    // Certainly not sent: nothing about an unknown outcome crosses.
    expect(await router.handle(InvokeChannel.serversStart, ref, trusted)).toEqual({
      ok: false,
      error: { kind: 'network', message: 'VPS.org could not be reached: connect ECONNREFUSED.' },
    });
    expect(await router.handle(InvokeChannel.serversStop, ref, trusted)).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'Refused [redacted].' },
    });
    // Why a conflict was refused crosses as data for the popup to word, its texts redacted too.
    const update = await router.handle(InvokeChannel.serversUpdate, { ref, patch: { name: 'renamed' } }, trusted);
    expect(update).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        message: 'web-[redacted]: wait until the current action (reboot) finishes.',
        conflict: { reason: 'in-flight', serverName: 'web-[redacted]', status: 'rebooting', pendingAction: 'reboot' },
      },
    });
  });

  it('survives a sender predicate that throws', async () => {
    const router = createRouter(makeHandlers(), () => {
      throw new Error('boom');
    });
    expect(await router.handle(InvokeChannel.authState, undefined, trusted)).toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
  });
});

describe('isAppPageUrl', () => {
  it('matches protocol, host and path exactly, ignoring query and hash', () => {
    expect(isAppPageUrl(`${APP}?x=1#/settings`, APP)).toBe(true);
    expect(isAppPageUrl('file:///opt/app/dist/renderer/other.html', APP)).toBe(false);
    expect(isAppPageUrl('file:///opt/app/dist/renderer/index.html/..', APP)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppPageUrl('http://user:pw@localhost:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isAppPageUrl('https://localhost:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isAppPageUrl('garbage', APP)).toBe(false);
  });
});

// What the popup says when a tracked action ends, when the list is stale and why a token lasts only
// this session: worded from main's structured fields in the user's language, never main's English.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import {
  EventChannel,
  InvokeChannel,
  type ActionOutcome,
  type AuthState,
  type FleetStatus,
} from '../../common/contract';
import { loadLanguage, popupI18n } from '../../renderer/i18n';
import { outcomeText } from '../../common/i18n/sentences';
import { outcomeErrorText } from '../../renderer/i18n/sentences';
import { createFakeBridge, fail, loadedStatus, makeView } from './fake-bridge';
import { click, getByRole, hasText, settle, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

// Czech is a chunk of its own in the popup; these tests word things in it directly.
await loadLanguage('cs');

const en = popupI18n('en', 'en');
const cs = popupI18n('cs', 'cs-CZ');
const czech = { ...defaultSettings(), language: 'cs' as const };

const popup = popupUnderTest();

/** main's English `message`: it must never reach the popup. */
const LOG_MESSAGE = 'LOG-ONLY English message';

function outcome(overrides: Partial<ActionOutcome>): ActionOutcome {
  return {
    ref: { accountId: 'acct', id: 1 },
    serverName: 'web-01',
    action: 'reboot',
    outcome: 'done',
    message: LOG_MESSAGE,
    elapsedMs: 42_000,
    finalStatus: 'active',
    ...overrides,
  };
}

describe('outcome wording', () => {
  const cases: Array<[string, Partial<ActionOutcome>, string, string]> = [
    ['done', {}, 'web-01 rebooted (42 s)', 'Server web-01 byl restartován (42 s)'],
    [
      'done after minutes, not a power action',
      { action: 'delete', elapsedMs: 185_000, finalStatus: null },
      'web-01 deleted (3 min 5 s)',
      'Server web-01 byl smazán (3 min 5 s)',
    ],
    [
      'failed with an API error: the error from its kind, the API quoted, the status named',
      {
        outcome: 'failed',
        action: 'start',
        finalStatus: 'stopped',
        error: { kind: 'server', status: 503, apiText: 'Maintenance until 14:00 UTC' },
      },
      'The start of web-01 failed. VPS.org is having trouble (503). Try again later. VPS.org said: “Maintenance until 14:00 UTC” It is stopped now.',
      'Akce „spustit“ serveru web-01 selhala. VPS.org má potíže (503). Zkuste to později. VPS.org uvedlo: „Maintenance until 14:00 UTC“ Aktuální stav: zastaven.',
    ],
    [
      'failed by settling elsewhere',
      { outcome: 'failed', action: 'stop', finalStatus: 'active' },
      'The stop of web-01 failed. It is running now.',
      'Akce „zastavit“ serveru web-01 selhala. Aktuální stav: běží.',
    ],
    [
      'failed edit: no power status',
      {
        outcome: 'failed',
        action: 'replace',
        error: { kind: 'bad-request', status: 400, apiText: 'Hostname is taken.' },
      },
      'The edit of web-01 failed. VPS.org refused the request: “Hostname is taken.”',
      'Akce „upravit“ serveru web-01 selhala. VPS.org požadavek odmítlo: „Hostname is taken.“',
    ],
    [
      'timed out',
      { outcome: 'timed-out', elapsedMs: 600_000, finalStatus: 'rebooting' },
      'The reboot of web-01 did not finish within 10 min. It is rebooting now.',
      'Akce „restartovat“ serveru web-01 nebyla dokončena do 10 min. Aktuální stav: restartuje se.',
    ],
    ['removed', { outcome: 'removed', finalStatus: null }, 'web-01 no longer exists.', 'Server web-01 už neexistuje.'],
    [
      'unknown, the server still unchanged',
      { outcome: 'unknown', error: { kind: 'timeout' } },
      'The reboot of web-01 may or may not have happened; it still shows running. Refresh to check.',
      'Není jisté, zda akce „restartovat“ serveru web-01 proběhla; server stále hlásí stav: běží. Obnovte seznam a zkontrolujte to.',
    ],
    [
      "unknown edit: the server's status says nothing about a rename",
      { outcome: 'unknown', action: 'update', finalStatus: 'active', error: { kind: 'timeout' } },
      'The rename of web-01 may or may not have happened. Refresh to check.',
      'Není jisté, zda akce „přejmenovat“ serveru web-01 proběhla. Obnovte seznam a zkontrolujte to.',
    ],
    [
      'failed start that never reached VPS.org: nothing was changed',
      { outcome: 'failed', action: 'start', finalStatus: 'stopped', error: { kind: 'network' } },
      'The start of web-01 failed. VPS.org cannot be reached. Nothing was changed. Check your internet connection. It is stopped now.',
      'Akce „spustit“ serveru web-01 selhala. VPS.org není dostupné. Nic se nezměnilo. Zkontrolujte připojení k internetu. Aktuální stav: zastaven.',
    ],
    [
      'unknown, the server not in the list',
      { outcome: 'unknown', action: 'create', finalStatus: null, error: { kind: 'network' } },
      'The creation of web-01 may or may not have happened. Refresh to check.',
      'Není jisté, zda akce „vytvořit“ serveru web-01 proběhla. Obnovte seznam a zkontrolujte to.',
    ],
  ];

  it.each(cases)('%s', (_name, overrides, english, czechText) => {
    expect(outcomeText(en, outcome(overrides), outcomeErrorText)).toBe(english);
    expect(outcomeText(cs, outcome(overrides), outcomeErrorText)).toBe(czechText);
  });
});

const emitOutcome = async (fake: ReturnType<typeof createFakeBridge>, payload: ActionOutcome) => {
  await act(() => fake.emit(EventChannel.actionFinished, payload));
  await settle();
};

describe('outcomes at the row', () => {
  it('words each outcome at its row, without main’s English message', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    const rendered = await popup.render(fake);
    const row = () => rendered.root.querySelector<HTMLElement>('li.row')!;

    await emitOutcome(fake, outcome({}));
    expect(getByRole(row(), 'status').textContent).toBe('✓ web-01 rebooted (42 s)');

    await emitOutcome(fake, outcome({ outcome: 'unknown', error: { kind: 'timeout' } }));
    expect(getByRole(row(), 'alert').textContent).toBe(
      '⚠ The reboot of web-01 may or may not have happened; it still shows running. Refresh to check.',
    );
    expect(hasText(rendered.root, LOG_MESSAGE)).toBe(false);
  });

  it('words the outcome in Czech when the popup speaks Czech', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))], settings: czech });
    const rendered = await popup.render(fake);
    await emitOutcome(fake, outcome({ outcome: 'failed', action: 'stop', finalStatus: 'active' }));
    expect(getByRole(rendered.root, 'alert').textContent).toBe(
      '⚠ Akce „zastavit“ serveru web-01 selhala. Aktuální stav: běží.',
    );
  });

  it('replaces the “outcome unknown, watching” notice with the outcome once main knows', async () => {
    const server = makeServer(1, { name: 'web-01' });
    const fake = createFakeBridge({
      servers: [makeView(server)],
      settings: { ...defaultSettings(), confirmations: { start: false, stop: false, reboot: false } },
    });
    fake.handle(InvokeChannel.serversReboot, () => {
      fake.emit(EventChannel.fleetChanged, {
        upserted: [makeView(server, { action: 'reboot', startedAt: 1 })],
        removed: [],
        status: loadedStatus(),
      });
      return fail({ kind: 'network', message: 'Connection lost.', outcomeUnknown: true });
    });
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Reboot web-01'));
    expect(hasText(rendered.root, 'the app is watching the server')).toBe(true);
    await emitOutcome(fake, outcome({ elapsedMs: 61_000 }));
    expect(hasText(rendered.root, 'watching')).toBe(false);
    expect(hasText(rendered.root, 'web-01 rebooted (1 min 1 s)')).toBe(true);
  });
});

const stale = (extra: Partial<NonNullable<FleetStatus['stale']>> & Pick<NonNullable<FleetStatus['stale']>, 'kind'>) =>
  loadedStatus({
    lastSuccessAt: new Date(2025, 0, 15, 9, 8, 7).getTime(),
    stale: { message: 'English detail for logs', since: 1, ...extra },
  });

const cases: Array<[string, FleetStatus, string]> = [
  ['network', stale({ kind: 'network' }), 'VPS.org cannot be reached.'],
  ['timeout', stale({ kind: 'timeout' }), 'VPS.org cannot be reached.'],
  [
    'rate-limited with a wait',
    stale({ kind: 'rate-limited', retryAfterSeconds: 30 }),
    'VPS.org asks to slow down (retrying in 30 s).',
  ],
  ['rate-limited without a wait', stale({ kind: 'rate-limited' }), 'VPS.org asks to slow down.'],
  ['server error 503', stale({ kind: 'server', status: 503 }), 'VPS.org is having trouble (503).'],
  ['server error without status', stale({ kind: 'server' }), 'VPS.org is having trouble.'],
  ['invalid response', stale({ kind: 'invalid-response' }), 'VPS.org sent an answer the app cannot read.'],
];

describe('stale banner headline', () => {
  it.each(cases)('%s', async (_name, status, headline) => {
    const rendered = await popup.render({ servers: [makeView(makeServer(1, { name: 'web-01' }))], status });
    const banner = rendered.root.querySelector<HTMLElement>('[data-testid="stale-banner"]')!;
    expect(banner.querySelector('strong')?.textContent).toBe(headline);
    expect(hasText(banner, 'Showing data from 09:08:07, it may be out of date.')).toBe(true);
    // The headline says it all: no second sentence repeating it, and only "cannot be reached" when it cannot.
    expect(banner.querySelector('.banner-detail')).toBeNull();
    expect(hasText(banner, 'cannot be reached')).toBe(headline === 'VPS.org cannot be reached.');
    expect(hasText(banner, 'English detail')).toBe(false);
    // The list stays.
    expect(rendered.root.querySelector('li.row .row-name')?.textContent).toBe('web-01');
  });

  it('says that the refresh failed, and why, for other kinds', async () => {
    const rendered = await popup.render({
      servers: [makeView(makeServer(1))],
      status: stale({ kind: 'payment-required' }),
    });
    const banner = rendered.root.querySelector<HTMLElement>('[data-testid="stale-banner"]')!;
    expect(banner.querySelector('strong')?.textContent).toBe('The last refresh failed.');
    expect(banner.querySelector('.banner-detail')?.textContent).toBe(
      'Insufficient credits: top up your VPS.org account and try again.',
    );
  });

  it('words the headline in Czech', async () => {
    const rendered = await popup.render({
      servers: [makeView(makeServer(1))],
      status: stale({ kind: 'rate-limited', retryAfterSeconds: 5 }),
      settings: czech,
    });
    const banner = rendered.root.querySelector<HTMLElement>('[data-testid="stale-banner"]')!;
    expect(banner.querySelector('strong')?.textContent).toBe('VPS.org žádá o zpomalení (další pokus za 5 s).');
  });
});

const sessionOnly = (storage: Partial<Extract<AuthState, { mode: 'token' }>['storage']>): AuthState => ({
  mode: 'token',
  account: { id: 'acct', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'basic_text', persisted: false, reason: 'English reason for logs.', ...storage },
});

const bannerText = (root: HTMLElement) =>
  root.querySelector<HTMLElement>('[data-testid="session-token-banner"] p')?.textContent;

describe('session-only token reason', () => {
  it('words the code, with what to install on Linux, never the English reason', async () => {
    const rendered = await popup.render({
      auth: sessionOnly({ reasonCode: 'no-keyring' }),
      servers: [makeView(makeServer(1))],
    });
    expect(bannerText(rendered.root)).toBe(
      'Your token is kept only until you quit. No system keyring was found. To keep it across restarts, install GNOME Keyring or KWallet (with libsecret) and restart the app.',
    );
    expect(hasText(rendered.root, 'English reason')).toBe(false);
    // Settings say the same.
    await click(getByRole(rendered.root, 'button', 'Open Settings'));
    expect(hasText(rendered.root, 'No system keyring was found.')).toBe(true);
    expect(hasText(rendered.root, 'English reason')).toBe(false);
  });

  it('offers the install hint only where installing a keyring helps', async () => {
    const refused = await popup.render({
      auth: sessionOnly({ reasonCode: 'keychain-refused' }),
      servers: [makeView(makeServer(1))],
    });
    expect(bannerText(refused.root)).toBe(
      'Your token is kept only until you quit. The system keychain refused to store it. Unlock the keychain and paste the token again.',
    );
    refused.unmount();
    const mac = await popup.render({
      auth: sessionOnly({ reasonCode: 'encryption-unavailable' }),
      servers: [makeView(makeServer(1))],
      appInfo: { platform: 'darwin' },
    });
    expect(bannerText(mac.root)).toBe(
      'Your token is kept only until you quit. The system offers no encryption for saved secrets.',
    );
  });

  it('words the code in Czech', async () => {
    const rendered = await popup.render({
      auth: sessionOnly({ reasonCode: 'unknown-backend' }),
      servers: [makeView(makeServer(1))],
      settings: czech,
    });
    expect(bannerText(rendered.root)).toBe(
      'Token je uschován jen do ukončení aplikace. Aplikace nepoznala, jakou klíčenku toto prostředí používá. Aby token vydržel i po restartu, nainstalujte GNOME Keyring nebo KWallet (s libsecret) a aplikaci spusťte znovu.',
    );
  });

  it('falls back to main’s English reason only when there is no code', async () => {
    const rendered = await popup.render({ auth: sessionOnly({}), servers: [makeView(makeServer(1))] });
    expect(bannerText(rendered.root)).toBe('Your token is kept only until you quit. English reason for logs.');
  });
});

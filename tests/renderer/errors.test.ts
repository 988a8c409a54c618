// Errors in the user's language: every kind is worded from its kind (status, wait time, whether the
// call changed something), in English and Czech; only the API's own text is quoted, as it sent it.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import { EventChannel, InvokeChannel, type ConflictInfo, type IpcError } from '../../common/contract';
import { loadLanguage, popupI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/sentences';
import { createFakeBridge, fail, loadedStatus, makeView } from './fake-bridge';
import { click, getByRole, hasText, settle, typeInto, popupUnderTest } from './dom';
import { ERROR_KINDS } from '../../common/errors';
import { makeServer } from '../support/fixtures';

// Czech is a chunk of its own in the popup; these tests word things in it directly.
await loadLanguage('cs');

const en = popupI18n('en', 'en');
const cs = popupI18n('cs', 'cs-CZ');
const czech = { ...defaultSettings(), language: 'cs' as const };

const popup = popupUnderTest();

/** A refusal main words in English; the popup must word it itself from `conflict`. */
function refusedFor(conflict: ConflictInfo): IpcError {
  return { kind: 'conflict', message: 'MAIN-ENGLISH', conflict };
}

describe('errorText', () => {
  it('words every kind itself in both languages and never shows main’s English message', () => {
    const secret = 'MAIN-ENGLISH-TEXT';
    for (const kind of ERROR_KINDS) {
      // bad-request and conflict quote a reason; here main sent none worth quoting.
      const error: IpcError = { kind, message: kind === 'bad-request' || kind === 'conflict' ? '' : secret };
      const english = errorText(en, error);
      const czechText = errorText(cs, error);
      expect({ kind, english, czechText }).toEqual({
        kind,
        english: expect.not.stringContaining(secret),
        czechText: expect.not.stringContaining(secret),
      });
      expect({ kind, differs: czechText !== english, worded: english.length > 10 }).toEqual({
        kind,
        differs: true,
        worded: true,
      });
    }
  });

  it('says how long VPS.org asks to wait, and what a network failure means', () => {
    const limited: IpcError = { kind: 'rate-limited', message: 'x', status: 429, retryAfterSeconds: 30 };
    expect(errorText(en, limited)).toBe('VPS.org asks to wait 30 s before trying again.');
    expect(errorText(cs, limited)).toBe('VPS.org žádá počkat 30 s, než to zkusíte znovu.');
    expect(errorText(en, { kind: 'network', message: 'ECONNREFUSED' })).toBe(
      'VPS.org cannot be reached. Check your internet connection.',
    );
    expect(errorText(en, { kind: 'server', message: 'x', status: 503 })).toBe(
      'VPS.org is having trouble (503). Try again later.',
    );
  });

  it('tells that the outcome is unknown only when main says so (outcomeUnknown)', () => {
    const timeout: IpcError = { kind: 'timeout', message: 'x' };
    expect(errorText(en, timeout)).toBe('VPS.org did not answer in time. Try again later.');
    const unknownTimeout: IpcError = { ...timeout, outcomeUnknown: true };
    expect(errorText(en, unknownTimeout, { write: true })).toBe(
      'VPS.org did not answer in time. The change may or may not have been made: refresh to see the server’s state.',
    );
    expect(errorText(cs, unknownTimeout, { write: true })).toBe(
      'VPS.org neodpovědělo včas. Změna mohla, ale nemusela proběhnout: obnovte seznam a podívejte se na stav serveru.',
    );
    expect(errorText(en, { kind: 'server', message: 'x', status: 502, outcomeUnknown: true })).toBe(
      'VPS.org is having trouble (502). The change may or may not have been made: refresh to see the server’s state.',
    );
    // A 502 to a read (or a write main knows was not carried out) is not a mystery.
    expect(errorText(en, { kind: 'server', message: 'x', status: 502 }, { write: true })).toBe(
      'VPS.org is having trouble (502). Try again later.',
    );
    expect(errorText(en, { kind: 'network', message: 'x', outcomeUnknown: true }, { write: true })).toBe(
      'VPS.org cannot be reached. The change may or may not have been made: refresh to see the server’s state.',
    );
  });

  it('says a change that certainly was not sent changed nothing', () => {
    const refused: IpcError = { kind: 'network', message: 'VPS.org could not be reached: connect ECONNREFUSED.' };
    expect(errorText(en, refused, { write: true })).toBe(
      'VPS.org cannot be reached. Nothing was changed. Check your internet connection.',
    );
    expect(errorText(cs, refused, { write: true })).toBe(
      'VPS.org není dostupné. Nic se nezměnilo. Zkontrolujte připojení k internetu.',
    );
    expect(errorText(en, refused, { write: true })).not.toMatch(/may still|may or may not/);
  });

  it('quotes the API’s own text (apiText) after its own sentence, as the API wrote it', () => {
    const badRequest: IpcError = {
      kind: 'bad-request',
      status: 400,
      message: 'VPS.org rejected the request to start server 1 (400): Server is already running.',
      apiText: 'Server is already running.',
    };
    expect(errorText(en, badRequest)).toBe('VPS.org refused the request: “Server is already running.”');
    expect(errorText(cs, badRequest)).toBe('VPS.org požadavek odmítlo: „Server is already running.“');
    const unavailable: IpcError = { kind: 'server', status: 503, message: 'x', apiText: 'Down until 14:00 UTC' };
    expect(errorText(en, unavailable)).toBe(
      'VPS.org is having trouble (503). Try again later. VPS.org said: “Down until 14:00 UTC”',
    );
    expect(errorText(cs, unavailable)).toBe(
      'VPS.org má potíže (503). Zkuste to později. VPS.org uvedlo: „Down until 14:00 UTC“',
    );
    const conflict: IpcError = { kind: 'conflict', message: 'web-01 is already running.' };
    expect(errorText(cs, conflict)).toBe('Teď to nejde: „web-01 is already running.“');
  });

  it('words a refused action from its conflict reason, status names in the user’s language', () => {
    const cases: { conflict: ConflictInfo; english: string; czech: string }[] = [
      {
        conflict: { reason: 'in-flight', serverName: 'web-01', status: 'active', pendingAction: 'reboot' },
        english: 'web-01: wait until the current action (reboot) finishes.',
        czech: 'web-01: počkejte, až doběhne probíhající akce „restartovat“.',
      },
      {
        conflict: { reason: 'in-flight', serverName: 'web-01', status: 'active' },
        english: 'web-01: wait until the current action finishes.',
        czech: 'web-01: počkejte, až doběhne probíhající akce.',
      },
      {
        conflict: { reason: 'already-running', serverName: 'web-01', status: 'active' },
        english: 'web-01 is already running.',
        czech: 'Server web-01 už běží.',
      },
      {
        conflict: { reason: 'not-running', serverName: 'db-01', status: 'stopped' },
        english: 'db-01 is not running.',
        czech: 'Server db-01 neběží.',
      },
      {
        conflict: { reason: 'transitional', serverName: 'db-01', status: 'rebooting' },
        english: 'db-01 is rebooting now; wait until it settles.',
        czech: 'Stav serveru db-01: restartuje se; počkejte, až se ustálí.',
      },
      {
        conflict: { reason: 'suspended', serverName: 'old-01', status: 'suspended' },
        english: 'old-01 is suspended; power actions are not available.',
        czech: 'Server old-01 je pozastaven; akce napájení nejsou k dispozici.',
      },
      {
        // A status the app does not know is shown exactly as the API sent it.
        conflict: { reason: 'other-status', serverName: 'new-01', status: 'migrating' },
        english: 'new-01 is migrating, so this action is not possible now.',
        czech: 'Stav serveru new-01: migrating; tato akce teď není možná.',
      },
    ];
    expect(
      cases.map(({ conflict }) => [errorText(en, refusedFor(conflict)), errorText(cs, refusedFor(conflict))]),
    ).toEqual(cases.map((expected) => [expected.english, expected.czech]));
  });

  it('quotes main’s message for a conflict only when it sent no reason', () => {
    expect(errorText(en, { kind: 'conflict', message: 'web-01 is busy.' })).toBe(
      'Not possible right now: “web-01 is busy.”',
    );
    expect(errorText(cs, { kind: 'conflict', message: '' })).toBe('Teď to nejde.');
  });

  it('never quotes main’s English message, whatever shape it has', () => {
    const shapes: IpcError[] = [
      { kind: 'bad-request', status: 400, message: 'VPS.org rejected the request to start server 1 (400): Nope.' },
      { kind: 'bad-request', status: 418, message: 'VPS.org refused to x (418). VPS.org said: "No tea."' },
      { kind: 'not-found', status: 404, message: 'Server 7 does not exist. VPS.org said: "Gone."' },
    ];
    expect(shapes.map((error) => errorText(en, error))).toEqual([
      'VPS.org refused the request.',
      'VPS.org refused the request.',
      'VPS.org does not know this server; it may have been deleted.',
    ]);
  });

  it('leaves the API text out when the app’s own field checks failed (the fields say it)', () => {
    const checked: IpcError = {
      kind: 'bad-request',
      message: 'Some fields are not valid.',
      fieldViolations: { name: ['required'] },
      apiText: 'ignored',
    };
    expect(errorText(en, checked)).toBe('VPS.org refused the request.');
  });
});

describe('errors in the popup', () => {
  it('words the stale banner from the kind, in Czech', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))], settings: czech });
    const rendered = await popup.render(fake);
    await act(() =>
      fake.emit(EventChannel.fleetChanged, {
        upserted: [],
        removed: [],
        status: loadedStatus({
          stale: { kind: 'server', status: 503, message: 'VPS.org had a problem (503).', since: 1 },
        }),
      }),
    );
    await settle();
    const banner = rendered.root.querySelector<HTMLElement>('[data-testid="stale-banner"]')!;
    expect(hasText(banner, 'VPS.org má potíže (503).')).toBe(true);
    expect(hasText(banner, 'není dostupné')).toBe(false);
    expect(hasText(banner, 'had a problem')).toBe(false);
  });

  it('tells at the row that a timed-out power action’s outcome is unknown and the server is watched; buttons stay disabled', async () => {
    const stopped = makeServer(1, { name: 'web-01', status: 'stopped' });
    const fake = createFakeBridge({ servers: [makeView(stopped)] });
    // As main does: the server stays pending (tracked) while the request's fate is unknown.
    fake.handle(InvokeChannel.serversStart, () => {
      fake.emit(EventChannel.fleetChanged, {
        upserted: [makeView(stopped, { action: 'start', startedAt: 1 })],
        removed: [],
        status: loadedStatus(),
      });
      return fail({ kind: 'timeout', message: 'The start request timed out.', outcomeUnknown: true });
    });
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Start web-01'));
    expect(getByRole(rendered.root, 'alert').textContent).toContain(
      'VPS.org did not answer in time. The outcome of the start of web-01 is unknown; the app is watching the server and will show the result here.',
    );
    expect(hasText(rendered.root, 'Refresh')).toBe(false);
    const start = getByRole(rendered.root, 'button', 'Start web-01');
    expect(start.getAttribute('aria-disabled')).toBe('true');
    await click(start);
    expect(fake.callsTo(InvokeChannel.serversStart)).toHaveLength(1);
  });

  it('tells at the row that a power action which never reached VPS.org changed nothing, and quotes a 503', async () => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01', status: 'stopped' }))] });
    fake.handle(InvokeChannel.serversStart, () =>
      fail({ kind: 'network', message: 'VPS.org could not be reached: connect ECONNREFUSED 10.0.0.1:443.' }),
    );
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Start web-01'));
    const alert = getByRole(rendered.root, 'alert');
    expect(alert.textContent).toContain(
      'VPS.org cannot be reached. Nothing was changed. Check your internet connection.',
    );
    fake.handle(InvokeChannel.serversStart, () =>
      fail({ kind: 'server', status: 503, message: 'x', apiText: 'Maintenance until 14:00 UTC' }),
    );
    await click(getByRole(rendered.root, 'button', 'Start web-01'));
    expect(getByRole(rendered.root, 'alert').textContent).toContain(
      'VPS.org is having trouble (503). Try again later. VPS.org said: “Maintenance until 14:00 UTC”',
    );
    expect(hasText(rendered.root, 'ECONNREFUSED')).toBe(false);
  });

  it('tells at the row, in Czech, why main refused a power action without sending it', async () => {
    const fake = createFakeBridge({
      servers: [makeView(makeServer(1, { name: 'web-01', status: 'stopped' }))],
      settings: { ...czech, confirmations: { start: false, stop: false, reboot: false } },
    });
    fake.handle(InvokeChannel.serversStart, () =>
      fail({
        kind: 'conflict',
        message: 'web-01: wait until the current action (reboot) finishes.',
        conflict: { reason: 'in-flight', serverName: 'web-01', status: 'stopped', pendingAction: 'reboot' },
      }),
    );
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Spustit web-01'));
    expect(getByRole(rendered.root, 'alert').textContent).toContain(
      'web-01: počkejte, až doběhne probíhající akce „restartovat“.',
    );
    expect(hasText(rendered.root, 'wait until the current action')).toBe(false);
    expect(fake.callsTo(InvokeChannel.serversStart)).toHaveLength(1);
  });

  it('words the app’s own field checks (fieldViolations) in Czech rather than main’s English; a code its forms cannot cause generically', async () => {
    const existing = makeView(makeServer(1));
    const fake = createFakeBridge({ servers: [existing], settings: czech });
    fake.handle(InvokeChannel.serversCreate, () =>
      fail({
        kind: 'invalid-payload',
        message: 'Invalid request.',
        fieldErrors: { hostname: ['Must be a fully qualified domain name, e.g. web01.example.com.'] },
        fieldViolations: { hostname: ['invalid-hostname'], non_field_errors: ['unknown-field'] },
      }),
    );
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root.querySelector('header')!, 'button', 'Nový server'));
    await typeInto(getByRole(rendered.root, 'textbox', 'Název'), 'web-02');
    await click(getByRole(rendered.root, 'button', 'Vytvořit server'));
    const hostname = getByRole(rendered.root, 'textbox', 'Hostname (nepovinné)');
    expect(document.getElementById('create-hostname-error')?.textContent).toBe(
      'Zadejte plně kvalifikované doménové jméno, např. web01.example.com.',
    );
    expect(hostname.getAttribute('aria-invalid')).toBe('true');
    expect(getByRole(rendered.root, 'alert').textContent).toBe(
      'Opravte prosím označená pole. Požadavek nebyl platný, a proto nebyl do VPS.org odeslán.',
    );
    expect(hasText(rendered.root, 'fully qualified')).toBe(false);
  });

  it('shows the API’s per-field texts when there are no rule codes, and the reason of a refused edit', async () => {
    const web = makeServer(1, { name: 'web-01', hostname: 'web01.example.com' });
    const fake = createFakeBridge({ servers: [makeView(web)] });
    fake.handle(InvokeChannel.serversReplace, () =>
      fail({
        kind: 'bad-request',
        status: 400,
        message: 'VPS.org rejected the request to edit server 1 (400): Hostname is taken.',
        apiText: 'Hostname is taken.',
      }),
    );
    const rendered = await popup.render(fake);
    await click(rendered.root.querySelector<HTMLElement>('.row-main')!);
    await click(getByRole(rendered.root, 'button', 'Edit'));
    await click(getByRole(rendered.root, 'button', 'Save'));
    expect(getByRole(rendered.root, 'alert').textContent).toBe('VPS.org refused the request: “Hostname is taken.”');
  });
});

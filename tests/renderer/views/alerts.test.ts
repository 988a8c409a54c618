// Expected-state alerts in the popup: the detail view's panel, the list's mark and the Settings section.
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { AlertsSnapshot } from '../../../common/alerts';
import { EventChannel, InvokeChannel } from '../../../common/contract';
import { defaultSettings } from '../../../main/settings/schema';
import { makeServer, serverAlert } from '../../support/fixtures';
import { createFakeBridge, fail, makeView, ok } from '../fake-bridge';
import { click, getByRole, hasText, queryByRole, settle, typeInto, popupUnderTest, type Rendered } from '../dom';

const popup = popupUnderTest();

const web = makeServer(1, { name: 'web-01', status: 'stopped' });
const db = makeServer(2, { name: 'db-01' });
const ref = { accountId: 'acct', id: 1 };
const SINCE = Date.UTC(2025, 0, 15, 10, 0);

const calm: AlertsSnapshot = {
  servers: {
    'acct:1': serverAlert('acct:1', 'web-01', 'may-stop'),
    'acct:2': serverAlert('acct:2', 'db-01', 'should-run'),
  },
  pauseAll: null,
  attention: [],
};
const deviating: AlertsSnapshot = {
  ...calm,
  servers: {
    ...calm.servers,
    'acct:1': serverAlert('acct:1', 'web-01', 'should-run', [
      { kind: 'stopped', since: SINCE, hardSince: SINCE + 180_000, acknowledged: false },
    ]),
  },
  attention: ['acct:1'],
};

/** Leaves a field after typing (the change event saves it). */
async function commit(input: HTMLElement, value: string): Promise<void> {
  await typeInto(input, value);
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function openDetail(alerts: AlertsSnapshot): Promise<Rendered> {
  const fake = createFakeBridge({ servers: [makeView(web), makeView(db)], alerts });
  const rendered = await popup.render(fake);
  await click(rendered.root.querySelector<HTMLElement>('.row[data-key="acct:1"] .row-main')!);
  return rendered;
}

describe('alerts in the popup', () => {
  it('the list marks only the server that needs attention, and follows alertsChanged', async () => {
    const fake = createFakeBridge({ servers: [makeView(web), makeView(db)], alerts: calm });
    const { root } = await popup.render(fake);
    expect(queryByRole(root, 'img', 'Needs attention')).toBeNull();
    await act(() => fake.emit(EventChannel.alertsChanged, deviating));
    await settle();
    const mark = getByRole(root, 'img', 'Needs attention');
    expect(mark.closest('.row')?.getAttribute('data-key')).toBe('acct:1');
  });

  it('the detail view shows the deviation with since-when, and Acknowledge, Pause and the switch act on it', async () => {
    const { root, fake } = await openDetail(deviating);
    const switchBox = getByRole(root, 'checkbox', 'Should be running') as HTMLInputElement;
    expect(switchBox.checked).toBe(true);
    expect(hasText(root, 'web-01 should be running but is stopped')).toBe(true);
    expect(hasText(root, /since .*2025/)).toBe(true);

    fake.handle(InvokeChannel.alertsAcknowledge, () =>
      ok({
        ...deviating,
        attention: [],
        servers: {
          ...deviating.servers,
          'acct:1': {
            ...deviating.servers['acct:1']!,
            deviations: [{ ...deviating.servers['acct:1']!.deviations[0]!, acknowledged: true }],
          },
        },
      }),
    );
    await click(getByRole(root, 'button', 'Acknowledge'));
    expect(fake.callsTo(InvokeChannel.alertsAcknowledge)).toEqual([ref]);
    expect(queryByRole(root, 'button', 'Acknowledge')).toBeNull();
    expect(hasText(root, 'acknowledged')).toBe(true);

    fake.handle(InvokeChannel.alertsPause, () =>
      ok({
        ...deviating,
        servers: { ...deviating.servers, 'acct:1': { ...deviating.servers['acct:1']!, pause: { until: null } } },
      }),
    );
    await click(getByRole(root, 'button', 'For 1 hour'));
    expect(fake.callsTo(InvokeChannel.alertsPause)).toEqual([{ ref, duration: '1h' }]);
    expect(hasText(root, 'Alerts paused until you resume them.')).toBe(true);
    expect(getByRole(root, 'button', 'Resume alerts')).toBeTruthy();

    fake.handle(InvokeChannel.alertsExpect, () => ok(calm));
    await click(switchBox);
    expect(fake.callsTo(InvokeChannel.alertsExpect)).toEqual([{ ref, expectation: 'may-stop' }]);
    expect((getByRole(root, 'checkbox', 'Should be running') as HTMLInputElement).checked).toBe(false);
    expect(hasText(root, 'As expected.')).toBe(true);
  });

  it('the detail view sets the server’s own thresholds; empty goes back to the global one', async () => {
    const { root, fake } = await openDetail(calm);
    fake.handle(InvokeChannel.alertsServerThresholds, ({ thresholds }) =>
      ok({ ...calm, servers: { ...calm.servers, 'acct:1': { ...calm.servers['acct:1']!, thresholds } } }),
    );
    const cpu = getByRole(root, 'spinbutton', 'CPU use above (%)') as HTMLInputElement;
    expect(cpu.placeholder).toBe('global: off');
    await commit(cpu, '0');
    expect(hasText(root, 'A whole number from 1 to 100, or empty.')).toBe(true);
    await commit(cpu, '95');
    await commit(getByRole(root, 'spinbutton', /^Disk use above/), '70');
    await commit(cpu, '');
    expect(fake.callsTo(InvokeChannel.alertsServerThresholds)).toEqual([
      { ref, thresholds: { cpuPercent: 95 } },
      { ref, thresholds: { cpuPercent: 95, diskPercent: 70 } },
      { ref, thresholds: { diskPercent: 70 } },
    ]);
    expect((getByRole(root, 'spinbutton', /^Disk use above/) as HTMLInputElement).value).toBe('70');
  });

  it('a failed change says why', async () => {
    const { root, fake } = await openDetail(deviating);
    fake.handle(InvokeChannel.alertsAcknowledge, () => fail({ kind: 'internal', message: 'boom' }));
    await click(getByRole(root, 'button', 'Acknowledge'));
    expect(getByRole(root, 'alert').textContent).toMatch(/Something went wrong/);
  });

  it('Settings: hold time and thresholds are saved when valid (empty switches one off); an invalid one keeps the text', async () => {
    const fake = createFakeBridge({ servers: [makeView(db)], alerts: calm });
    const saved = { ...defaultSettings() };
    fake.handle(InvokeChannel.alertsConfigure, (patch) =>
      ok({
        ...saved,
        alerts: {
          ...saved.alerts,
          holdSeconds: patch.holdSeconds ?? saved.alerts.holdSeconds,
          thresholds: { ...saved.alerts.thresholds, ...patch.thresholds },
        },
      }),
    );
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    const hold = getByRole(root, 'spinbutton', 'Hold time (minutes)') as HTMLInputElement;
    expect(hold.value).toBe('3');
    await commit(hold, '0.5');
    const cpu = getByRole(root, 'spinbutton', 'CPU use above (%)') as HTMLInputElement;
    await commit(cpu, '250');
    expect(cpu.value).toBe('250');
    expect(hasText(root, 'A whole number from 1 to 100, or empty.')).toBe(true);
    await commit(cpu, '90');
    await commit(getByRole(root, 'spinbutton', /^Disk use above/), '');
    expect(fake.callsTo(InvokeChannel.alertsConfigure)).toEqual([
      { holdSeconds: 30 },
      { thresholds: { cpuPercent: 90 } },
      { thresholds: { diskPercent: null } },
    ]);
  });

  it('Settings: pausing the whole tray shows until when, and turning it back on', async () => {
    const fake = createFakeBridge({ servers: [makeView(db)], alerts: calm });
    const until = Date.UTC(2025, 0, 16, 7, 0);
    fake.handle(InvokeChannel.alertsPause, ({ duration }) =>
      ok({ ...calm, pauseAll: duration === 'off' ? null : { until } }),
    );
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Settings'));
    const group = getByRole(root, 'group', 'Pause all alerts');
    await click(getByRole(group, 'button', 'Until tomorrow 08:00'));
    expect(fake.callsTo(InvokeChannel.alertsPause)).toEqual([{ ref: null, duration: 'tomorrow' }]);
    expect(hasText(root, /Alerts paused until .*2025/)).toBe(true);
    await click(getByRole(root, 'button', 'Resume alerts'));
    expect(fake.callsTo(InvokeChannel.alertsPause).at(-1)).toEqual({ ref: null, duration: 'off' });
    expect(getByRole(root, 'group', 'Pause all alerts')).toBeTruthy();
  });
});

// The popup's start: one bootstrap call before the first rows (not five calls in two round trips), and
// the rows painted from its answer; a delta sent after the bootstrap applies on top of its snapshot.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel, type InvokeResponse, type Result } from '../../../common/contract';
import { App } from '../../../renderer/shell/App';
import { createMemoryStorage } from '../../../renderer/state/local';
import { createAppStore } from '../../../renderer/state/store';
import { settle } from '../dom';
import { createFakeBridge, deferred, loadedStatus, viewsByName, type FakeBridge } from '../fake-bridge';

type Bootstrap = Result<InvokeResponse<typeof InvokeChannel.popupBootstrap>>;

const mounted: Array<() => void> = [];
afterEach(() => {
  for (const unmount of mounted.splice(0)) unmount();
});

/** The popup as the page starts it (renderer/main.tsx), with the bootstrap's answer held back. */
function startPopup(fake: FakeBridge) {
  const answer = deferred<Bootstrap>();
  const held = deferred<void>();
  fake.handle(InvokeChannel.popupBootstrap, async () => {
    held.resolve();
    return answer.promise;
  });
  const store = createAppStore(fake.bridge, { storage: createMemoryStorage() });
  const root = document.createElement('div');
  document.body.append(root);
  const started = store.start();
  render(h(App, { store }), root);
  mounted.push(() => {
    render(null, root);
    store.dispose();
    root.remove();
  });
  const rows = () => [...root.querySelectorAll('.server-list li')].map((row) => row.textContent ?? '');
  return { store, root, answer, held: held.promise, started, rows };
}

function bootstrapOf(fake: FakeBridge): Promise<Bootstrap> {
  // The fake's own bootstrap (made of its other handlers), taken before the test holds it back.
  return fake.bridge.popup.bootstrap();
}

describe('the popup start', () => {
  it('asks main once before the first rows, and paints them from that one answer', async () => {
    const fake = createFakeBridge({ servers: viewsByName({ 'web-01': 'active', 'db-01': 'stopped' }) });
    const boot = await bootstrapOf(fake);
    fake.calls.length = 0;
    const popup = startPopup(fake);
    await popup.held;
    await settle();
    expect(popup.rows()).toEqual([]);
    // Before any row: the bootstrap, and the alerts' state (not waited for).
    expect(fake.calls.map((call) => call.channel)).toEqual([InvokeChannel.popupBootstrap, InvokeChannel.alertsState]);

    await act(async () => {
      popup.answer.resolve(boot);
      await popup.started;
    });
    await settle();
    expect(popup.rows().join(' ')).toContain('web-01');
    expect(popup.rows().join(' ')).toContain('db-01');
    const before = fake.calls.map((call) => call.channel);
    // Once the rows are painted (and only then: see above), "Since you last looked" may be asked for
    // (views/history), when its chunk has arrived.
    const afterRows = new Set<string>([InvokeChannel.alertsState, InvokeChannel.historyDigest]);
    expect(before.filter((channel) => !afterRows.has(channel))).toEqual([InvokeChannel.popupBootstrap]);
    for (const channel of [
      InvokeChannel.appInfo,
      InvokeChannel.authState,
      InvokeChannel.settingsGet,
      InvokeChannel.fleetSubscribe,
    ])
      expect(before).not.toContain(channel);
  });

  it('a delta that arrives after the bootstrap, while the language loads, applies on top of its snapshot', async () => {
    const fake = createFakeBridge({
      servers: viewsByName({ 'web-01': 'active' }),
      appInfo: { systemLocale: 'cs-CZ' },
    });
    const boot = await bootstrapOf(fake);
    const popup = startPopup(fake);
    await popup.held;
    const [added] = viewsByName({ x: 'active', 'api-09': 'active' }).slice(1);
    await act(async () => {
      popup.answer.resolve(boot);
      // The answer is taken, then main's next delta comes before the Czech texts have loaded.
      await Promise.resolve();
      await Promise.resolve();
      fake.emit(EventChannel.fleetChanged, { upserted: [added!], removed: [], status: loadedStatus() });
      await popup.started;
    });
    await settle();
    expect(popup.store.fleet.sorted.value.map((view) => view.server.name).toSorted()).toEqual(['api-09', 'web-01']);
    expect(fake.callsTo(InvokeChannel.fleetSubscribe)).toHaveLength(0);
  });

  it('starts from the bootstrap the page asked for before it made the store, without asking main again', async () => {
    const fake = createFakeBridge({ servers: viewsByName({ 'web-01': 'active', 'db-01': 'stopped' }) });
    // renderer/early-bootstrap.ts: the page's first act.
    const early = fake.bridge.popup.bootstrap();
    const store = createAppStore(fake.bridge, { storage: createMemoryStorage(), bootstrap: early });
    const root = document.createElement('div');
    document.body.append(root);
    mounted.push(() => {
      render(null, root);
      store.dispose();
      root.remove();
    });
    await act(async () => {
      const started = store.start();
      render(h(App, { store }), root);
      await started;
    });
    await settle();
    const rows = [...root.querySelectorAll('.server-list li')].map((row) => row.textContent ?? '').join(' ');
    expect(rows).toContain('web-01');
    expect(rows).toContain('db-01');
    expect(fake.callsTo(InvokeChannel.popupBootstrap)).toHaveLength(1);
    expect(fake.callsTo(InvokeChannel.fleetSubscribe)).toHaveLength(0);
  });

  it('a failed bootstrap says so instead of showing an empty list', async () => {
    const fake = createFakeBridge({ servers: viewsByName({ 'web-01': 'active' }) });
    const popup = startPopup(fake);
    await popup.held;
    await act(async () => {
      popup.answer.resolve({ ok: false, error: { kind: 'internal', message: 'boom' } });
      await popup.started;
    });
    await settle();
    expect(popup.rows()).toEqual([]);
    expect(popup.store.app.startupError.value).not.toBeNull();
  });
});

// The core against a simulator that answers in shapes beyond the documented ones (issue 8): odd servers
// are listed and acted on, unreadable entries are counted in the fleet status and logged once, and terse
// answers to writes are acceptances the list then settles.
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel, type ServerView } from '../../common/contract';
import { fleetSnapshot, invoke, okValue, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

describe('a fleet read tolerantly', () => {
  it('lists odd servers, counts unreadable entries in the status and logs each problem once', async () => {
    const h = await startHarness({ servers: 12 });
    h.sim.setAnswerShapes({ listEnvelope: 'bare-array', oddServers: true, unreadableEntries: 2 });
    await invoke(h, InvokeChannel.fleetRefresh);
    await h.settle();
    const snapshot = await fleetSnapshot(h);
    expect(snapshot.servers.map((view) => view.server.id).toSorted()).toEqual(h.sim.listServerIds().toSorted());
    expect(snapshot.status).toMatchObject({ skipped: 2, stale: null, loaded: true });
    await h.advance(60_000);
    const skippedLines = h.logs.filter((line) => line.includes('Skipped'));
    expect(skippedLines).toHaveLength(2);
    expect(skippedLines.every((line) => line.startsWith('warn: ') && !line.includes(h.sim.token))).toBe(true);

    // The next good list clears the count.
    h.sim.setAnswerShapes({});
    await invoke(h, InvokeChannel.fleetRefresh);
    await h.settle();
    expect((await fleetSnapshot(h)).status.skipped).toBe(0);
  });

  it('a reboot answered 202 without a body is accepted, tracked, and done once the list shows it', async () => {
    const h = await startHarness();
    h.sim.setAnswerShapes({ writeAnswers: 'empty', oddServers: true });
    await invoke(h, InvokeChannel.fleetRefresh);
    await h.settle();
    const active = (await fleetSnapshot(h)).servers.find((view) => view.server.status === 'active')!;
    const ref = { accountId: active.accountId, id: active.server.id };
    expect(await invoke(h, InvokeChannel.serversReboot, ref)).toEqual({
      ok: true,
      value: { message: 'VPS.org accepted the reboot request.' },
    });
    for (let step = 0; step < 40 && h.eventsOf(EventChannel.actionFinished).length === 0; step++)
      await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({ outcome: 'done', action: 'reboot', ref }),
    ]);
    expect(h.postsTo(`/api/v1/servers/${ref.id}/reboot/`)).toBe(1);
  });

  it('a rename answered with only a message shows the server read back', async () => {
    const h = await startHarness();
    h.sim.setAnswerShapes({ writeAnswers: 'message-only' });
    const [first] = (await fleetSnapshot(h)).servers;
    const ref = { accountId: first!.accountId, id: first!.server.id };
    const detail = okValue(await invoke(h, InvokeChannel.serversUpdate, { ref, patch: { name: 'renamed-1' } }));
    expect(detail).toMatchObject({ id: ref.id, name: 'renamed-1', backups_enabled: expect.any(Boolean) });
    const view = (await fleetSnapshot(h)).servers.find((candidate: ServerView) => candidate.server.id === ref.id);
    expect(view?.server.name).toBe('renamed-1');
  });

  it('a create that names no server is accepted; the new server comes with the next poll', async () => {
    const h = await startHarness({ servers: 3 });
    h.sim.setAnswerShapes({ writeAnswers: 'message-only' });
    const input = { name: 'new-1', plan_id: 1, os_id: 5, location: 'us-west' };
    expect(await invoke(h, InvokeChannel.serversCreate, input)).toEqual({ ok: true, value: null });
    await invoke(h, InvokeChannel.fleetRefresh);
    await h.settle();
    expect((await fleetSnapshot(h)).servers.map((view) => view.server.name)).toContain('new-1');
  });
});

// The simulator speaks the documented wire format, which the client's readers (main/api/schemas.ts)
// read in full: by default nothing comes out unknown that VPS.org's examples fill in.
import { afterEach, describe, expect, it } from 'vitest';
import {
  errorBodySchema,
  hasDetailFields,
  readCreatedServer,
  readListPage,
  readPowerActionResponse,
  readServer,
  readServerDetail,
} from '../../main/api/schemas';
import type { Server } from '../../common/servers';
import { call, manualClock, simulators, VALID_CREATE } from './helpers';

const sims = simulators();
afterEach(() => sims.closeAll());

/** Every field a documented answer fills in; hostname and addresses may be null by the contract. */
function expectComplete(server: Server): void {
  expect(server.location).not.toBeNull();
  expect(server.created_at).not.toBeNull();
  expect(server.updated_at).not.toBeNull();
  expect(server.os).toEqual({ id: expect.any(Number), name: expect.any(String) });
  for (const key of ['id', 'name', 'vcpus', 'memory', 'storage'] as const) expect(server.plan?.[key]).not.toBeNull();
}

describe('simulator bodies against the client readers', () => {
  it('list, detail, create, power and error bodies are read in full', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now, servers: 80 });
    const list = readListPage((await call(sim, '/servers/')).json);
    if (!list.ok) throw new Error(list.problem);
    expect(list.value.count).toBe(80);
    expect(list.value.entries).toHaveLength(50);
    list.value.entries.forEach((entry, index) => {
      const server = readServer(entry, list.value.entryPath(index));
      if (!server.ok) throw new Error(server.problem);
      expectComplete(server.value);
    });
    for (const id of sim.listServerIds().slice(0, 12)) {
      const body = (await call(sim, `/servers/${id}/`)).json;
      const detail = readServerDetail(body);
      if (!detail.ok) throw new Error(detail.problem);
      expect(hasDetailFields(body)).toBe(true);
      expectComplete(detail.value);
      expect(detail.value.plan?.bandwidth).not.toBeNull();
      expect(detail.value.backups_enabled).not.toBeNull();
    }
    const created = readCreatedServer((await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE })).json);
    if (!created.ok) throw new Error(created.problem);
    expect(created.value.message).toMatch(/provisioned/);
    expectComplete(created.value);
    expect(readServerDetail(sim.getServer(created.value.id)).ok).toBe(true);
    const power = readPowerActionResponse((await call(sim, '/servers/12345/reboot/', { method: 'POST' })).json);
    expect(power).toMatchObject({ status: 'success', server: { id: 12345, status: 'rebooting' } });
    expect(power.message).toEqual(expect.any(String));
    const refused = await call(sim, '/servers/12345/reboot/', { method: 'POST' });
    expect(errorBodySchema.parse(refused.json).detail).toBe(
      'Server is busy (rebooting). Try again when it has finished.',
    );
  });

  it('the wrong-shape fault is not read as a list', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'wrong-shape' }, { times: 1 });
    expect(readListPage((await call(sim, '/servers/')).json).ok).toBe(false);
  });
});

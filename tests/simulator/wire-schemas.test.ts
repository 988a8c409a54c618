// The simulator speaks the same wire format the client's zod schemas (main/api/schemas.ts) accept.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createdServerSchema,
  errorBodySchema,
  powerActionResponseSchema,
  serverDetailSchema,
  serverListPageSchema,
} from '../../main/api/schemas';
import { call, manualClock, simulators, VALID_CREATE } from './helpers';

const sims = simulators();
afterEach(() => sims.closeAll());

describe('simulator bodies against the client schemas', () => {
  it('list, detail, create, power and error bodies parse', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now, servers: 80 });
    const list = await call(sim, '/servers/');
    expect(serverListPageSchema.safeParse(list.json).success).toBe(true);
    for (const id of sim.listServerIds().slice(0, 12)) {
      expect(serverDetailSchema.safeParse((await call(sim, `/servers/${id}/`)).json).error).toBeUndefined();
    }
    const created = await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE });
    expect(createdServerSchema.safeParse(created.json).error).toBeUndefined();
    expect(serverDetailSchema.safeParse(sim.getServer((created.json as { id: number }).id)).error).toBeUndefined();
    const power = await call(sim, '/servers/12345/reboot/', { method: 'POST' });
    expect(powerActionResponseSchema.safeParse(power.json).error).toBeUndefined();
    const refused = await call(sim, '/servers/12345/reboot/', { method: 'POST' });
    expect(errorBodySchema.parse(refused.json).detail).toBe(
      'Server is busy (rebooting). Try again when it has finished.',
    );
  });

  it('the wrong-shape fault is rejected by the list schema', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'wrong-shape' }, { times: 1 });
    expect(serverListPageSchema.safeParse((await call(sim, '/servers/')).json).success).toBe(false);
  });
});

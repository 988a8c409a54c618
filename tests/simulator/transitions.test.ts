// The power state machine and provisioning, driven by a clock the test controls.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, field, manualClock, simulators, VALID_CREATE } from './helpers';

const sims = simulators();
afterEach(async () => {
  vi.useRealTimers();
  await sims.closeAll();
});

const SECOND = 1000;
const status = async (sim: Parameters<typeof call>[0], id: number) =>
  field((await call(sim, `/servers/${id}/`)).json, 'status');
const post = (sim: Parameters<typeof call>[0], id: number, action: string) =>
  call(sim, `/servers/${id}/${action}/`, { method: 'POST' });

// Seeded account (seed 1): 12345 active, 12349 stopped (index 4), 12352 suspended (index 7).
const ACTIVE = 12345;
const STOPPED = 12349;
const SUSPENDED = 12352;

describe('seeded account', () => {
  it('has a stopped and a suspended server among the first ten', async () => {
    const sim = await sims.start();
    expect(await status(sim, STOPPED)).toBe('stopped');
    expect(await status(sim, SUSPENDED)).toBe('suspended');
  });
});

describe('power actions', () => {
  it('start: stopped -> starting (20-40 s) -> active, with the contract body', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    const name = field(sim.getServer(STOPPED), 'name');
    const answer = await post(sim, STOPPED, 'start');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      status: 'success',
      message: 'Server is starting',
      server: { id: STOPPED, name, status: 'starting' },
    });
    expect(await status(sim, STOPPED)).toBe('starting');
    expect(field(sim.getServer(STOPPED), 'updated_at')).toBe('2025-06-01T12:00:00Z');
    clock.advance(20 * SECOND - 1);
    expect(await status(sim, STOPPED)).toBe('starting');
    clock.advance(20 * SECOND + 1);
    expect(await status(sim, STOPPED)).toBe('active');
  });

  it('stop: active -> stopping (15-30 s) -> stopped', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    const answer = await post(sim, ACTIVE, 'stop');
    expect(answer.json).toEqual({
      status: 'success',
      message: 'Server is stopping',
      server: { id: ACTIVE, name: 'web-server-01', status: 'stopping' },
    });
    clock.advance(15 * SECOND - 1);
    expect(await status(sim, ACTIVE)).toBe('stopping');
    clock.advance(15 * SECOND + 1);
    expect(await status(sim, ACTIVE)).toBe('stopped');
  });

  it('reboot: active -> rebooting (30-60 s) -> active', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    const answer = await post(sim, ACTIVE, 'reboot');
    expect(answer.json).toEqual({
      status: 'success',
      message: 'Server is rebooting',
      server: { id: ACTIVE, name: 'web-server-01', status: 'rebooting' },
    });
    clock.advance(30 * SECOND - 1);
    expect(await status(sim, ACTIVE)).toBe('rebooting');
    clock.advance(30 * SECOND + 1);
    expect(await status(sim, ACTIVE)).toBe('active');
  });

  it('dates updated_at at the moment the transition ended, not when it was seen', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    await post(sim, ACTIVE, 'stop');
    clock.advance(3600 * SECOND);
    const updated = Date.parse(field(sim.getServer(ACTIVE), 'updated_at') as string);
    const started = Date.parse('2025-06-01T12:00:00Z');
    expect(updated - started).toBeGreaterThanOrEqual(15 * SECOND);
    expect(updated - started).toBeLessThanOrEqual(30 * SECOND);
  });

  it('a full cycle: stop, start, reboot', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    expect((await post(sim, ACTIVE, 'stop')).status).toBe(200);
    clock.advance(60 * SECOND);
    expect((await post(sim, ACTIVE, 'start')).status).toBe(200);
    clock.advance(60 * SECOND);
    expect((await post(sim, ACTIVE, 'reboot')).status).toBe(200);
    clock.advance(60 * SECOND);
    expect(await status(sim, ACTIVE)).toBe('active');
  });

  it('speed scales the durations', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now, speed: 60 });
    await post(sim, ACTIVE, 'reboot');
    clock.advance(SECOND + 1); // 60 s at speed 60
    expect(await status(sim, ACTIVE)).toBe('active');
  });

  it('follows vi.setSystemTime when no clock is given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2025-06-01T12:00:00Z'));
    const sim = await sims.start();
    await post(sim, ACTIVE, 'stop');
    vi.setSystemTime(Date.parse('2025-06-01T12:00:31Z'));
    expect(await status(sim, ACTIVE)).toBe('stopped');
  });
});

describe('invalid transitions answer 400 and change nothing', () => {
  it('start on a running server', async () => {
    const sim = await sims.start();
    const answer = await post(sim, ACTIVE, 'start');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ detail: 'Server is already running.' });
    expect(await status(sim, ACTIVE)).toBe('active');
  });

  it('stop and reboot on a stopped server', async () => {
    const sim = await sims.start();
    for (const action of ['stop', 'reboot']) {
      const answer = await post(sim, STOPPED, action);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ detail: 'Server is not running.' });
    }
    expect(await status(sim, STOPPED)).toBe('stopped');
  });

  it('any action during a transition', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    await post(sim, ACTIVE, 'reboot');
    for (const action of ['start', 'stop', 'reboot']) {
      const answer = await post(sim, ACTIVE, action);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ detail: 'Server is busy (rebooting). Try again when it has finished.' });
    }
    await post(sim, STOPPED, 'start');
    expect((await post(sim, STOPPED, 'stop')).json).toEqual({
      detail: 'Server is busy (starting). Try again when it has finished.',
    });
  });

  it('any action on a suspended server', async () => {
    const sim = await sims.start();
    for (const action of ['start', 'stop', 'reboot']) {
      const answer = await post(sim, SUSPENDED, action);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ detail: 'Server is suspended. Contact support.' });
    }
  });
});

describe('provisioning', () => {
  it('takes 2-5 minutes, then assigns documentation-range addresses and usage', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    const created = await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE });
    const id = field(created.json, 'id') as number;
    expect((await post(sim, id, 'start')).json).toEqual({
      detail: 'Server is busy (provisioning). Try again when it has finished.',
    });
    clock.advance(120 * SECOND - 1);
    const during = await call(sim, `/servers/${id}/`);
    expect(during.json).toMatchObject({
      status: 'provisioning',
      ip_address: null,
      ipv6_address: null,
      resource_usage: null,
    });
    clock.advance(180 * SECOND + 1);
    const after = await call(sim, `/servers/${id}/`);
    expect(field(after.json, 'status')).toBe('active');
    expect(field(after.json, 'ip_address')).toMatch(/^(203\.0\.113|198\.51\.100|192\.0\.2)\.\d{1,3}$/);
    expect(field(after.json, 'ipv6_address')).toMatch(/^2001:db8:/);
    expect(field(after.json, 'resource_usage')).not.toBeNull();
    expect(field(after.json, 'created_at')).toBe('2025-06-01T12:00:00Z');
  });

  it('gives each new server its own address', async () => {
    const sim = await sims.start({ speed: 1e9 });
    const ids: number[] = [];
    for (const name of ['a1', 'a2', 'a3'])
      ids.push(
        field((await call(sim, '/servers/', { method: 'POST', body: { ...VALID_CREATE, name } })).json, 'id') as number,
      );
    const all = await call(sim, '/servers/');
    const addresses = (field(all.json, 'results') as Array<{ ip_address: string }>).map((s) => s.ip_address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });
});

describe('resource usage', () => {
  it('moves over time while running and is zero for cpu and memory when stopped', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    const samples = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const usage = field(sim.getServer(ACTIVE), 'resource_usage') as { cpu_percent: number; memory_used: number };
      expect(usage.cpu_percent).toBeGreaterThanOrEqual(0);
      expect(usage.cpu_percent).toBeLessThanOrEqual(100);
      expect(usage.memory_used).toBeGreaterThan(0);
      expect(usage.memory_used).toBeLessThanOrEqual(4096);
      samples.add(usage.cpu_percent);
      clock.advance(30 * SECOND);
    }
    expect(samples.size).toBeGreaterThan(1);
    expect(field(sim.getServer(STOPPED), 'resource_usage')).toMatchObject({ cpu_percent: 0, memory_used: 0 });
  });

  it('does not change updated_at', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    clock.advance(3600 * SECOND);
    expect(field(sim.getServer(ACTIVE), 'updated_at')).toBe('2025-01-15T10:20:00Z');
  });
});

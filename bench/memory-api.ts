// An in-memory VPS.org (a VpsClient double) for the figures the simulator over HTTP would make too slow:
// 24 simulated hours of requests, 1 000 polls of 5 000 servers. It counts list requests and single-server
// reads and can change a share of the servers between polls.
import type { VpsClient } from '../main/api/client';
import type { Server } from '../common/servers';

/** A settled server as the list endpoint describes it, for every bench that needs many of them. */
export const benchServer = (id: number, status = 'active', updated = '2025-01-15T10:20:00Z'): Server => ({
  id,
  name: `srv-${id}`,
  hostname: `srv-${id}.example.com`,
  status,
  ip_address: `10.0.${Math.floor(id / 256) % 256}.${id % 256}`,
  location: 'us-west',
  plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: null },
  os: { id: 5, name: 'Ubuntu 22.04 LTS' },
  created_at: '2025-01-10T14:30:00Z',
  updated_at: updated,
});

const unused = () => Promise.reject(new Error('not used by the bench'));

/** How long a reboot keeps a server in `rebooting` (Date.now time: a fake clock's in the request bench). */
export const REBOOT_MS = 60_000;

export function createMemoryApi(count: number) {
  const servers = Array.from({ length: count }, (_, index) => benchServer(index + 1));
  const stats = { listCalls: 0, getCalls: 0 };
  /** Server id -> when its reboot ends. */
  const rebootingUntil = new Map<number, number>();
  const rebootEnds = new Map<number, number>();
  /** Settles the reboots that have ended by now. */
  const settle = () => {
    for (const [id, until] of rebootingUntil) {
      if (Date.now() < until) continue;
      rebootingUntil.delete(id);
      const entry = servers.find((server) => server.id === id);
      if (entry) entry.status = 'active';
    }
  };
  const api: VpsClient = {
    baseUrl: 'https://admin.vps.org/api/v1',
    listServers: async () => {
      stats.listCalls++;
      settle();
      // Fresh objects, as parsing an answer gives.
      return { count: servers.length, results: servers.map((entry) => ({ ...entry })), skipped: 0 };
    },
    getServer: async (id) => {
      stats.getCalls++;
      settle();
      const entry = servers.find((server) => server.id === id);
      if (!entry) throw new Error(`no server ${id}`);
      return { ...entry, ipv6_address: null, backups_enabled: null, resource_usage: null };
    },
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    powerAction: async (id, action) => {
      if (action !== 'reboot') return unused();
      const entry = servers.find((server) => server.id === id);
      if (!entry) throw new Error(`no server ${id}`);
      entry.status = 'rebooting';
      rebootingUntil.set(id, Date.now() + REBOOT_MS);
      rebootEnds.set(id, Date.now() + REBOOT_MS);
      return {
        status: 'success',
        message: 'Server is rebooting',
        server: { id, name: entry.name, status: 'rebooting' },
      };
    },
  };
  /** Toggles `share` of the servers (a different slice each round) between active and stopped, settled. */
  const change = (share: number, round: number) => {
    const step = Math.round(1 / share);
    for (const entry of servers) {
      if (entry.id % step !== round % step) continue;
      entry.status = entry.status === 'active' ? 'stopped' : 'active';
      entry.updated_at = new Date(Date.parse(entry.updated_at ?? '2025-01-15T10:20:00Z') + 1000).toISOString();
    }
  };
  /** When the reboot of server `id` ends (or ended): null when it was never rebooted. */
  const rebootEndsAt = (id: number): number | null => rebootEnds.get(id) ?? null;
  return { api, stats, change, rebootEndsAt };
}

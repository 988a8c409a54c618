import type { Deviation, ServerAlert } from '../../common/alerts';
import type { Server, ServerDetail } from '../../common/servers';
// Servers as the API describes them, for the tests of both projects (node and renderer): plain data,
// no DOM and no Node APIs, so either side can import it.

/** A running server as the list endpoint describes it: `server-<id>`, address 203.0.113.<id % 250>. */
export function makeServer(id: number, overrides: Partial<Server> = {}): Server {
  return {
    id,
    name: `server-${id}`,
    hostname: `server-${id}.example.com`,
    status: 'active',
    ip_address: `203.0.113.${id % 250}`,
    location: 'us-west',
    plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: null },
    os: { id: 5, name: 'Ubuntu 22.04 LTS' },
    created_at: '2025-01-10T14:30:00Z',
    updated_at: '2025-01-15T10:20:00Z',
    ...overrides,
  };
}

/** `server` as the detail endpoint describes it. */
export function makeDetail(server: Server, overrides: Partial<ServerDetail> = {}): ServerDetail {
  return {
    ...server,
    ipv6_address: '2001:db8::1',
    backups_enabled: true,
    plan: server.plan && { ...server.plan, bandwidth: 2048 },
    resource_usage: { cpu_percent: 23.5, memory_used: 2048, disk_used: 35, bandwidth_used: 450 },
    ...overrides,
  };
}

/** A server's alert state: no deviation, no pause, no own thresholds unless given. */
export function serverAlert(
  key: string,
  name: string,
  expectation: ServerAlert['expectation'],
  deviations: Deviation[] = [],
): ServerAlert {
  return { key, name, expectation, deviations, pause: null, thresholds: {} };
}

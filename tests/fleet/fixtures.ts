import type { Server } from '../../main/api/schemas';

export function makeServer(id: number, overrides: Partial<Server> = {}): Server {
  return {
    id,
    name: `srv-${id}`,
    hostname: `srv-${id}.example.com`,
    status: 'active',
    ip_address: `10.0.${Math.floor(id / 256) % 256}.${id % 256}`,
    location: 'us-west',
    plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
    os: { id: 5, name: 'Ubuntu 22.04 LTS' },
    created_at: '2025-01-10T14:30:00Z',
    updated_at: '2025-01-15T10:20:00Z',
    ...overrides,
  };
}

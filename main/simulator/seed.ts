// The seeded account: the contract's two example servers field for field, then servers made up from a
// seed (same seed, same account), with addresses from the documentation ranges.
import { LOCATIONS, OPERATING_SYSTEMS, osById, planById } from './catalog';
import { createRandom } from './random';
import type { ServerRecord, StableStatus } from './records';

/** Addresses from the documentation ranges (RFC 5737), then the benchmarking range (RFC 2544). */
export function ipv4ForIndex(index: number): string {
  let k = index;
  if (k < 245) return `203.0.113.${10 + k}`;
  k -= 245;
  if (k < 254) return `198.51.100.${1 + k}`;
  k -= 254;
  if (k < 254) return `192.0.2.${1 + k}`;
  k -= 254;
  const n = k + 1;
  return `198.${18 + ((n >>> 16) & 1)}.${(n >>> 8) & 255}.${n & 255}`;
}

/** IPv6 from the documentation prefix 2001:db8::/32 (RFC 3849). */
export function ipv6ForIndex(index: number): string {
  return `2001:db8::${(index + 1).toString(16)}`;
}

const ROLES = [
  'web',
  'api',
  'db',
  'cache',
  'worker',
  'queue',
  'mail',
  'cdn',
  'lb',
  'build',
  'monitor',
  'search',
  'auth',
  'vpn',
  'git',
  'backup',
];
const ROLE_PLANS: Record<string, number[]> = {
  db: [2, 4, 5],
  cache: [4, 2],
  search: [4, 5],
  build: [5, 2],
  lb: [3, 1],
  vpn: [3],
  monitor: [1, 3],
};
const FIRST_SEED_DAY = Date.parse('2024-03-01T00:00:00Z');
const SEED_SPAN_MS = 480 * 86_400_000;

/** The fields a server record is described by; the rest follow from its addresses. */
type RecordFields = Omit<
  ServerRecord,
  'transition' | 'ipv4' | 'ipv6' | 'plannedIpv4' | 'plannedIpv6' | 'transitionCount' | 'listedBefore'
>;

/** A server that has finished provisioning at these addresses and has not changed status since. */
function settledRecord(fields: RecordFields, ipv4: string, ipv6: string): ServerRecord {
  return { ...fields, transition: null, ipv4, ipv6, plannedIpv4: ipv4, plannedIpv6: ipv6, transitionCount: 0 };
}

function contractServers(): ServerRecord[] {
  // The two servers of the contract's examples, field for field.
  return [
    settledRecord(
      {
        id: 12345,
        name: 'web-server-01',
        hostname: 'web01.example.com',
        location: 'us-west',
        plan: planById(1)!,
        os: osById(5)!,
        backupsEnabled: true,
        createdAt: Date.parse('2025-01-10T14:30:00Z'),
        updatedAt: Date.parse('2025-01-15T10:20:00Z'),
        status: 'active',
      },
      '203.0.113.10',
      '2001:0db8::1',
    ),
    settledRecord(
      {
        id: 12346,
        name: 'db-server-01',
        hostname: 'db01.example.com',
        location: 'us-east',
        plan: planById(2)!,
        os: osById(3)!,
        backupsEnabled: false,
        createdAt: Date.parse('2025-01-12T09:15:00Z'),
        updatedAt: Date.parse('2025-01-16T08:45:00Z'),
        status: 'active',
      },
      '203.0.113.11',
      ipv6ForIndex(1),
    ),
  ];
}

export function seedServers(seed: number, count: number): ServerRecord[] {
  const servers = contractServers().slice(0, Math.max(0, count));
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const nameCounters = new Map<string, number>([
    ['web-server', 1],
    ['db-server', 1],
  ]);
  for (let index = servers.length; index < count; index++) {
    const role = pick(ROLES);
    const location = pick(LOCATIONS).code;
    const region = location.split('-')[0]!;
    const base = random() < 0.6 ? role : `${role}-${region}`;
    const number = (nameCounters.get(base) ?? 0) + 1;
    nameCounters.set(base, number);
    const name = `${base}-${String(number).padStart(2, '0')}`;
    // Fixed positions guarantee a stopped and a suspended server among the first ten.
    const roll = random();
    const status: StableStatus =
      index === 4
        ? 'stopped'
        : index === 7
          ? 'suspended'
          : roll < 0.8
            ? 'active'
            : roll < 0.94
              ? 'stopped'
              : 'suspended';
    const createdAt = FIRST_SEED_DAY + Math.floor((random() * SEED_SPAN_MS) / 1000) * 1000;
    const updatedAt = createdAt + Math.floor(random() * 60 * 86_400) * 1000;
    const hostnameRoll = random();
    const fields: RecordFields = {
      id: 12345 + index,
      name,
      hostname: hostnameRoll < 0.05 ? null : `${name}.example.com`,
      location,
      plan: planById(pick(ROLE_PLANS[role] ?? [1, 1, 2, 3]))!,
      os: pick(OPERATING_SYSTEMS),
      backupsEnabled: random() < 0.5,
      createdAt,
      updatedAt,
      status,
    };
    servers.push(settledRecord(fields, ipv4ForIndex(index), ipv6ForIndex(index)));
  }
  return servers;
}

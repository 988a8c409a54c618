// How the API shows a server record: the list's view, the detail's (with addresses, backups and resource
// usage that follow the clock), in the wire format of openapi/vps-org.openapi.json.
import type { CatalogPlan } from './catalog';
import { unitHash } from './random';
import { statusOf, type ServerRecord, type SimulatedStatus } from './records';

export interface ListView {
  id: number;
  name: string;
  hostname: string | null;
  status: SimulatedStatus;
  ip_address: string | null;
  location: string;
  plan: { id: number; name: string; vcpus: number; memory: number; storage: number };
  os: { id: number; name: string };
  created_at: string;
  updated_at: string;
}
interface ResourceUsageView {
  cpu_percent: number;
  memory_used: number;
  disk_used: number;
  bandwidth_used: number;
}
export interface DetailView extends Omit<ListView, 'plan'> {
  ipv6_address: string | null;
  backups_enabled: boolean;
  plan: CatalogPlan;
  resource_usage: ResourceUsageView | null;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function monthFraction(now: number): number {
  const date = new Date(now);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return (now - start) / (end - start);
}

/** Resource usage at `at`: a deterministic wave per server (same seed, same figures); none while provisioning. */
function usage(seed: number, server: ServerRecord, at: number): ResourceUsageView | null {
  const status = statusOf(server);
  if (status === 'provisioning') return null;
  const disk = Math.round(server.plan.storage * (0.08 + 0.6 * unitHash(seed, server.id, 3)));
  const bandwidth = Math.round(server.plan.bandwidth * 0.6 * unitHash(seed, server.id, 4) * monthFraction(at));
  if (status === 'stopped' || status === 'suspended') {
    return { cpu_percent: 0, memory_used: 0, disk_used: disk, bandwidth_used: bandwidth };
  }
  const profile = unitHash(seed, server.id, 1);
  const wave = Math.sin(at / 90_000 + profile * 2 * Math.PI);
  const jitter = unitHash(seed, server.id, Math.floor(at / 5000)) - 0.5;
  const booting = status === 'starting' || status === 'rebooting';
  const cpu = clamp(round1((booting ? 60 : 4 + profile * 45) + 12 * wave + 10 * jitter), 0, 100);
  const memoryShare = clamp(0.2 + 0.5 * unitHash(seed, server.id, 2) + 0.05 * wave, 0.05, 0.95);
  return {
    cpu_percent: cpu,
    memory_used: Math.round(server.plan.memory * memoryShare),
    disk_used: disk,
    bandwidth_used: bandwidth,
  };
}

/** The list's view; `listed` is what a lagging list still shows (status and updated_at). */
export function listView(server: ServerRecord, listed?: { status: SimulatedStatus; updatedAt: number }): ListView {
  const { id, name, vcpus, memory, storage } = server.plan;
  return {
    id: server.id,
    name: server.name,
    hostname: server.hostname,
    status: listed?.status ?? statusOf(server),
    ip_address: server.ipv4,
    location: server.location,
    plan: { id, name, vcpus, memory, storage },
    os: { id: server.os.id, name: server.os.name },
    created_at: isoSeconds(server.createdAt),
    updated_at: isoSeconds(listed?.updatedAt ?? server.updatedAt),
  };
}

export function detailView(seed: number, server: ServerRecord, at: number): DetailView {
  return {
    ...listView(server),
    ipv6_address: server.ipv6,
    backups_enabled: server.backupsEnabled,
    plan: { ...server.plan },
    resource_usage: usage(seed, server, at),
  };
}

// The provider's catalogue (plans, operating systems, locations): there is no endpoint for it, so a create
// is checked against this list, as the contract's notes say.

export interface CatalogPlan {
  id: number;
  name: string;
  vcpus: number;
  /** MB */
  memory: number;
  /** GB */
  storage: number;
  /** GB per month */
  bandwidth: number;
}
export interface CatalogOs {
  id: number;
  name: string;
}
export interface CatalogLocation {
  code: string;
  name: string;
}

// Ids 1/Standard and 2/Performance, 5/Ubuntu 22.04 and 3/Debian 12 come from the contract's examples.
const PLANS: readonly CatalogPlan[] = [
  { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048 },
  { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160, bandwidth: 4096 },
  { id: 3, name: 'Starter VPS', vcpus: 1, memory: 1024, storage: 25, bandwidth: 1024 },
  { id: 4, name: 'Memory VPS', vcpus: 4, memory: 16384, storage: 160, bandwidth: 4096 },
  { id: 5, name: 'Dedicated CPU VPS', vcpus: 8, memory: 32768, storage: 320, bandwidth: 8192 },
];
export const OPERATING_SYSTEMS: readonly CatalogOs[] = [
  { id: 1, name: 'Ubuntu 20.04 LTS' },
  { id: 2, name: 'Debian 11' },
  { id: 3, name: 'Debian 12' },
  { id: 4, name: 'Rocky Linux 9' },
  { id: 5, name: 'Ubuntu 22.04 LTS' },
  { id: 6, name: 'Ubuntu 24.04 LTS' },
  { id: 7, name: 'AlmaLinux 9' },
  { id: 8, name: 'Fedora 40' },
];
export const LOCATIONS: readonly CatalogLocation[] = [
  { code: 'us-west', name: 'Los Angeles, US' },
  { code: 'us-east', name: 'New York, US' },
  { code: 'eu-central', name: 'Frankfurt, DE' },
  { code: 'eu-west', name: 'Amsterdam, NL' },
  { code: 'ap-southeast', name: 'Singapore, SG' },
  { code: 'ap-northeast', name: 'Tokyo, JP' },
];

export const planById = (id: number) => PLANS.find((plan) => plan.id === id);
export const osById = (id: number) => OPERATING_SYSTEMS.find((os) => os.id === id);

/** A create's plan, OS and location against the catalogue: the known entries, or the 400's per-field lists. */
export function catalogEntries(input: {
  plan_id: number;
  os_id: number;
  location: string;
}): { ok: true; plan: CatalogPlan; os: CatalogOs } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const plan = planById(input.plan_id);
  const os = osById(input.os_id);
  if (!plan)
    fieldErrors.plan_id = [`Unknown plan id ${input.plan_id}. Known plans: ${PLANS.map((p) => p.id).join(', ')}.`];
  if (!os) fieldErrors.os_id = [`Unknown operating system id ${input.os_id}.`];
  if (!LOCATIONS.some((location) => location.code === input.location)) {
    fieldErrors.location = [`Unknown location "${input.location}". Known: ${LOCATIONS.map((l) => l.code).join(', ')}.`];
  }
  if (!plan || !os || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, plan, os };
}

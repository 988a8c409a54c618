// Types of scripts/release-repository.mjs, for the tests (tests/packaging/release.test.ts).
export const REPOSITORY_FIELD: string;
export function releaseRepository(manifest: { repository?: unknown }): { owner: string; repo: string };
export function readManifest(dir?: string): Record<string, unknown>;

// Types of scripts/package-release.mjs, for the tests (tests/packaging/release.test.ts).
export interface SigningPlan {
  signed: boolean;
  notarized: boolean;
  env: Record<string, string | undefined>;
  args: string[];
  warnings: string[];
}
export function signingPlan(
  platform: '--mac' | '--win' | '--linux',
  env: Record<string, string | undefined>,
): SigningPlan;
/** Why a release build for `platform` must not run on `hostPlatform`, or null on its own OS. */
export function crossBuildRefusal(platform: '--mac' | '--win' | '--linux', hostPlatform: string): string | null;

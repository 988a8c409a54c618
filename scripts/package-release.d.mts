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

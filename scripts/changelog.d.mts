// Types of scripts/changelog.mjs, for the tests (tests/packaging/release.test.ts).
export function releaseNotes(changelog: string, version: string): string | null;
export function cutRelease(changelog: string, version: string, date: string): string;

// Where releases are published: the GitHub repository named by package.json's `repository`, the one place
// it is written. electron-builder reads it too (its `publish` block in electron-builder.yml names no
// owner or repo), both to upload a release and to write resources/app-update.yml, where the installed
// app's updater looks for new versions.
//
// A release build must not go out with a placeholder there (the updater would look in the wrong place
// forever), so scripts/package-release.mjs refuses one, and a missing or non-GitHub repository, before
// building anything. `npm run package:dir` (CI's packaging check) does not need it.
//
// Usage: node scripts/release-repository.mjs   prints owner/repo, or why not and exits 1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The field, as every refusal names it. */
export const REPOSITORY_FIELD = 'package.json "repository"';

/** Words that mark a name as not chosen yet. */
const PLACEHOLDER = /placeholder|^(owner|repo|your-?\w*|example|changeme|todo|xxx+)$/i;

/**
 * The GitHub owner and repo of `manifest.repository` ("owner/repo", "github:owner/repo", a github.com
 * URL, or `{ url }`). Throws an Error naming the field when it is missing, not GitHub, or a placeholder.
 * @param {{ repository?: unknown }} manifest
 * @returns {{ owner: string, repo: string }}
 */
export function releaseRepository(manifest) {
  const field = manifest.repository;
  const url =
    typeof field === 'string'
      ? field
      : field && typeof field === 'object' && typeof field.url === 'string'
        ? field.url
        : undefined;
  if (url === undefined || url.trim() === '') {
    throw new Error(
      `${REPOSITORY_FIELD} is missing: a release build publishes to, and updates from, the GitHub repository named there. Set it to "github:<owner>/<repo>" (see CONTRIBUTING.md, "Releasing").`,
    );
  }
  const match =
    /^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(url.trim()) ??
    /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim()) ??
    /^git@github\.com:([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(url.trim());
  if (!match) {
    throw new Error(
      `${REPOSITORY_FIELD} ("${url}") does not name a GitHub repository: releases are published as GitHub releases. Use "github:<owner>/<repo>".`,
    );
  }
  const [, owner, repo] = match;
  for (const [part, value] of [
    ['owner', owner],
    ['repo', repo],
  ]) {
    if (PLACEHOLDER.test(value)) {
      throw new Error(
        `${REPOSITORY_FIELD} still holds a placeholder (${part} "${value}" in "${url}"): name the real GitHub repository before a release build (see CONTRIBUTING.md, "Releasing").`,
      );
    }
  }
  return { owner, repo };
}

/** package.json of `dir`, parsed. */
export function readManifest(dir = process.cwd()) {
  return JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { owner, repo } = releaseRepository(readManifest());
    console.log(`${owner}/${repo}`);
  } catch (error) {
    console.error(`release-repository: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

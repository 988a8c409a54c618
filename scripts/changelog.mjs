// CHANGELOG.md (Keep a Changelog): what is written under `## [Unreleased]` becomes a version's section
// when `npm version` makes that version (the `version` script: before npm commits and tags), and a
// release's notes are that section (.github/workflows/release.yml).
//
// Usage:
//   node scripts/changelog.mjs version          moves [Unreleased] under package.json's (new) version, dated today
//   node scripts/changelog.mjs notes <version>  prints that version's section (exits 1 without one)
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text under the `## [<version>]` heading, up to the next `## ` heading, trimmed; null without one. */
export function releaseNotes(changelog, version) {
  const heading = new RegExp(`^## \\[${escape(version)}\\][^\\n]*\\n`, 'm').exec(changelog);
  if (!heading) return null;
  const rest = changelog.slice(heading.index + heading[0].length);
  const end = rest.search(/^## /m);
  const notes = (end === -1 ? rest : rest.slice(0, end)).replace(/^\[[^\]]+\]: .*$/gm, '').trim();
  return notes === '' ? null : notes;
}

/**
 * `changelog` with the Unreleased section's text moved under `## [<version>] - <date>`, and an empty
 * Unreleased above it. Throws when there is no Unreleased heading, nothing under it, or the version exists.
 */
export function cutRelease(changelog, version, date) {
  const unreleased = UNRELEASED.exec(changelog);
  if (!unreleased) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading.');
  if (releaseNotes(changelog, version) !== null || new RegExp(`^## \\[${escape(version)}\\]`, 'm').test(changelog))
    throw new Error(`CHANGELOG.md already has a section for ${version}.`);
  if (releaseNotes(changelog, 'Unreleased') === null)
    throw new Error(`CHANGELOG.md says nothing under "## [Unreleased]": write what ${version} changes first.`);
  const at = unreleased.index + unreleased[0].length;
  return `${changelog.slice(0, at)}\n## [${version}] - ${date}\n${changelog.slice(at)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, argument] = process.argv.slice(2);
  const changelog = readFileSync('CHANGELOG.md', 'utf8');
  try {
    if (command === 'version') {
      const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
      writeFileSync('CHANGELOG.md', cutRelease(changelog, version, new Date().toISOString().slice(0, 10)));
      console.log(`changelog: [Unreleased] is now [${version}]`);
    } else if (command === 'notes' && argument) {
      const notes = releaseNotes(changelog, argument.replace(/^v/, ''));
      if (notes === null) throw new Error(`CHANGELOG.md has no section for ${argument}.`);
      console.log(notes);
    } else {
      throw new Error('usage: node scripts/changelog.mjs version | notes <version>');
    }
  } catch (error) {
    console.error(`changelog: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

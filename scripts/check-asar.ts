// `tsx scripts/check-asar.ts <app.asar>`: what a user would install holds the built app and nothing else.
// - The three bundles (main, preload, renderer page and its script) and package.json are there.
// - Nothing but dist/** and package.json: no sources (.ts), no tests, no source maps, no node_modules,
//   no folder named after a dev dependency (vitest, vite, playwright-core, typescript, ...).
// - No bundle imports a package at run time: the asar has no node_modules, so such an import would crash
//   the app on start, and a dev dependency imported by app code is the usual way one gets shipped. Main and
//   preload may import only `electron` and Node's built-ins; the renderer page only its own files.
// - No bundle embeds a source map (`sourceMappingURL=data:`), which would ship the sources after all.
// Prints one line per problem and exits 1 when there is any. The rules are pure functions, tested in
// tests/packaging/check-asar.test.ts; the archive is read with @electron/asar (electron-builder's own).
import { extractFile, listPackage } from '@electron/asar';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from 'vite';

/** The entries the packaged app cannot start without (asar paths, leading slash). */
export const REQUIRED_ENTRIES = [
  '/package.json',
  '/dist/main/index.js',
  '/dist/preload/index.cjs',
  '/dist/renderer/index.html',
] as const;

const SCRIPT = /\.(js|cjs|mjs)$/;
const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Problems with the list of entries alone: missing bundles and anything that is not the built app. */
export function auditEntries(entries: readonly string[], devDependencies: readonly string[]): string[] {
  const present = new Set(entries);
  const problems: string[] = [];
  for (const required of REQUIRED_ENTRIES) if (!present.has(required)) problems.push(`missing: ${required}`);
  if (!entries.some((entry) => entry.startsWith('/dist/renderer/') && SCRIPT.test(entry))) {
    problems.push('missing: the renderer script (/dist/renderer/**/*.js)');
  }
  const devNames = new Set(devDependencies);
  for (const entry of entries) {
    const segments = entry.split('/').filter(Boolean);
    // A scoped package is two segments: "@types/node".
    const devDependency = segments.find(
      (segment, i) => devNames.has(segment) || devNames.has(`${segment}/${segments[i + 1] ?? ''}`),
    );
    if (segments.includes('node_modules')) problems.push(`node_modules in the app: ${entry}`);
    else if (devDependency !== undefined) problems.push(`dev dependency "${devDependency}" in the app: ${entry}`);
    else if (segments.some((segment) => segment === 'tests' || segment === 'test' || segment === '__tests__')) {
      problems.push(`tests in the app: ${entry}`);
    } else if (SOURCE.test(entry)) problems.push(`TypeScript source in the app: ${entry}`);
    else if (entry.endsWith('.map')) problems.push(`source map in the app: ${entry}`);
    else if (entry !== '/package.json' && segments[0] !== 'dist') {
      problems.push(`not part of the built app (only dist/ and package.json belong): ${entry}`);
    }
  }
  return problems;
}

export interface ScriptImports {
  /** Every module specifier the script loads: static and dynamic `import`, `export ... from`, `require`. */
  specifiers: string[];
  /** Dynamic imports or requires whose target is computed, so cannot be checked. */
  computed: number;
  parseErrors: string[];
}

type AstNode = { type?: unknown; [key: string]: unknown };

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/** A module name written out: 'x', "x" or `x` (a template without expressions, as Vite writes lazy chunks). */
function literalString(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type !== 'TemplateLiteral' || !Array.isArray(node.expressions) || node.expressions.length > 0)
    return undefined;
  const [quasi] = Array.isArray(node.quasis) ? (node.quasis as unknown[]) : [];
  const cooked = isNode(quasi) && typeof quasi.value === 'object' && quasi.value !== null ? quasi.value : undefined;
  const value = cooked && 'cooked' in cooked ? cooked.cooked : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The modules a bundled script loads, read from its syntax tree (comments and strings that merely look
 * like imports, e.g. a library's JSDoc example, are not imports). */
export function findImports(fileName: string, code: string): ScriptImports {
  const { program, module, errors } = parseSync(fileName, code);
  const specifiers = [
    ...module.staticImports.map((entry) => entry.moduleRequest.value),
    ...module.staticExports.flatMap((entry) =>
      entry.entries.flatMap((exported) => (exported.moduleRequest ? [exported.moduleRequest.value] : [])),
    ),
  ];
  let computed = 0;
  // Dynamic import() and require()/__require() calls anywhere in the tree.
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]));
      continue;
    }
    if (!isNode(node)) continue;
    if (node.type === 'ImportExpression') {
      const target = literalString(node.source);
      if (target === undefined) computed++;
      else specifiers.push(target);
    } else if (
      node.type === 'CallExpression' &&
      isNode(node.callee) &&
      node.callee.type === 'Identifier' &&
      (node.callee.name === 'require' || node.callee.name === '__require')
    ) {
      const args = Array.isArray(node.arguments) ? (node.arguments as unknown[]) : [];
      const target = literalString(args[0]);
      if (target === undefined) computed++;
      else specifiers.push(target);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'type' && typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return { specifiers: [...new Set(specifiers)], computed, parseErrors: errors.map((error) => error.message) };
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');

/** The package a bare specifier names: "ky", "@scope/pkg" (from "@scope/pkg/sub/path"). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Problems with one bundled script: imports of anything but its own files (and, outside the renderer,
 * `electron` and Node's built-ins), computed imports, unparsable code, and embedded source maps.
 * `entry` is its asar path; `entries` every asar path, so relative imports must point at shipped files.
 */
export function auditScript(
  entry: string,
  code: string,
  entries: readonly string[],
  devDependencies: readonly string[],
): string[] {
  const problems: string[] = [];
  const inRenderer = entry.startsWith('/dist/renderer/');
  const imports = findImports(entry, code);
  for (const error of imports.parseErrors) problems.push(`${entry}: cannot be parsed (${error})`);
  if (imports.computed > 0) problems.push(`${entry}: ${imports.computed} import(s) of a computed module name`);
  const present = new Set(entries);
  for (const specifier of imports.specifiers) {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) {
      const target = posix.resolve(posix.dirname(entry), specifier);
      if (!present.has(target)) problems.push(`${entry}: imports ${specifier}, which is not in the app`);
      continue;
    }
    if (!inRenderer && (specifier === 'electron' || isNodeBuiltin(specifier))) continue;
    const name = packageName(specifier);
    const what = devDependencies.includes(name) ? `dev dependency "${name}"` : `package "${name}"`;
    problems.push(`${entry}: imports ${what} at run time ("${specifier}"), and the app ships no node_modules`);
  }
  if (/[#@]\s*sourceMappingURL=data:/.test(code)) problems.push(`${entry}: embeds a source map`);
  return problems;
}

/** Every problem of an app.asar: its entries, then each script in it. */
export function auditAsar(asarPath: string, devDependencies: readonly string[]): string[] {
  const entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  const problems = auditEntries(entries, devDependencies);
  for (const entry of entries.filter((name) => SCRIPT.test(name) && name.startsWith('/dist/'))) {
    const code = extractFile(asarPath, entry.slice(1)).toString('utf8');
    problems.push(...auditScript(entry, code, entries, devDependencies));
  }
  for (const entry of entries.filter((name) => name.endsWith('.html'))) {
    const html = extractFile(asarPath, entry.slice(1)).toString('utf8');
    if (/sourceMappingURL=data:/.test(html)) problems.push(`${entry}: embeds a source map`);
  }
  return problems;
}

function main(): void {
  const asarPath = process.argv[2];
  if (!asarPath) {
    console.error('usage: tsx scripts/check-asar.ts <path/to/app.asar>');
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies?: Record<string, string> };
  const problems = auditAsar(asarPath, Object.keys(manifest.devDependencies ?? {}));
  for (const problem of problems) console.error(`check-asar: ${problem}`);
  if (problems.length > 0) {
    console.error(`check-asar: ${problems.length} problem(s) in ${asarPath}`);
    process.exit(1);
  }
  console.log(`check-asar: OK — ${asarPath} holds the built app only`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

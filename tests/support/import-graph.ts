// The project's import graph, read from the sources: which file imports which module. Used by the
// architecture test; pure functions over file contents so the rules themselves can be tested on a
// made-up tree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';

export interface ImportSite {
  /** As written, e.g. `../common/contract` or `electron`. */
  spec: string;
  /** The project file it resolves to (repo-relative, with extension), or null for a package. */
  target: string | null;
  /** `import type … from` / `export type … from`: erased at build time. */
  typeOnly: boolean;
}

export type SourceTree = ReadonlyMap<string, string>;

const SOURCE_FILE = /\.(ts|tsx|mjs|js)$/;

/** Every source file under `dirs` (repo-relative paths), with its content. */
export function readSourceTree(root: string, dirs: readonly string[]): Map<string, string> {
  const tree = new Map<string, string>();
  for (const dir of dirs) {
    const absolute = join(root, dir);
    if (!existsSync(absolute)) continue;
    const entries = statSync(absolute).isDirectory()
      ? readdirSync(absolute, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file))
      : [dir];
    for (const file of entries)
      if (SOURCE_FILE.test(file) && !file.includes('node_modules'))
        tree.set(file, readFileSync(join(root, file), 'utf8'));
  }
  return tree;
}

function resolveSpec(tree: SourceTree, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  const candidates = [base, ...['.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'].map((ext) => base + ext)];
  return candidates.find((candidate) => tree.has(candidate)) ?? base;
}

function importsOf(tree: SourceTree, file: string): ImportSite[] {
  // Comments may quote an import; a string may hold one for another process (scripts/start.mjs).
  const source = (tree.get(file) ?? '').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const statements = [...source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+['"]([^'"]+)['"]/gms)].map(
    (m) => ({ spec: m[3]!, typeOnly: m[2] !== undefined }),
  );
  const bare = [...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[1]!, typeOnly: false }));
  const calls = [...source.matchAll(/(?<!["'`])(?:\bimport\s*\(|\brequire\(|vi\.mock\()\s*['"]([^'"]+)['"]/g)].map(
    (m) => ({
      spec: m[1]!,
      typeOnly: false,
    }),
  );
  return [...statements, ...bare, ...calls].map((site) => ({ ...site, target: resolveSpec(tree, file, site.spec) }));
}

export function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);
}

/** `a -> b` lines for every import in `files` that `forbidden` says no to. */
export function violations(
  tree: SourceTree,
  files: (file: string) => boolean,
  forbidden: (site: ImportSite) => boolean,
): string[] {
  return [...tree.keys()]
    .filter(files)
    .flatMap((file) =>
      importsOf(tree, file)
        .filter(forbidden)
        .map((site) => `${file} -> ${site.target ?? site.spec}`),
    )
    .toSorted();
}

/** Pairs of project modules that import each other, directly or round a longer cycle (`a -> b -> … -> a`). */
export function importCycles(tree: SourceTree): string[] {
  const edges = new Map<string, string[]>();
  for (const file of tree.keys())
    edges.set(
      file,
      importsOf(tree, file)
        .map((site) => site.target)
        .filter((target): target is string => target !== null && tree.has(target)),
    );
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...tree.keys()].toSorted()) if (!state.has(file)) visit(file);
  return cycles;
}

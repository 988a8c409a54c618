// What `npm run build` measured of the popup, written next to the bundles so bench/build-size.ts reads
// the build's own numbers instead of measuring them a second way; and which of its chunks the popup
// loads at start (the build's budget and tests/packaging/renderer-bundle.test.ts both ask).
import type { Rolldown } from 'vite';

export const BUILD_SIZES_FILE = 'dist/build-sizes.json';

export interface BuildSizes {
  /** The entry chunks and every chunk they import statically, gzip. */
  startJsGzipBytes: number;
  totalJsGzipBytes: number;
  cssGzipBytes: number;
}

/** The entry chunks and every chunk they import statically: what the page loads before it can run. */
export function startChunkNames(chunks: readonly Rolldown.OutputChunk[]): Set<string> {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const names = new Set<string>();
  const visit = (name: string) => {
    if (names.has(name)) return;
    names.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return names;
}

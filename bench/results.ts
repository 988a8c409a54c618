// The figures of `npm run bench`: each bench script prints its figures as one JSON line on stdout (with
// a prefix, so its other output stays readable); bench/run.ts gathers them into bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';

/** One figure: `ours` and `baseline` (the naive tray core in bench/baseline/) null where not measured. */
export interface Figure {
  name: string;
  unit: string;
  ours: number | null;
  baseline: number | null;
  /** The upper bound for ours; null where there is none. */
  target: number | null;
}

/** What one script knows of a figure: the baseline script reports only `baseline`, ours only `ours`. */
export type FigurePart = Pick<Figure, 'name' | 'unit'> & Partial<Omit<Figure, 'name' | 'unit'>>;

export interface Results {
  date: string;
  machine: string;
  figures: Figure[];
}

const PREFIX = 'BENCH_FIGURES ';

/** Printed once by a bench script, at its end. */
export function reportFigures(parts: FigurePart[]): void {
  console.log(PREFIX + JSON.stringify(parts));
}

/** Every figure line in a script's stdout. */
export function readFigureParts(stdout: string): FigurePart[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(PREFIX))
    .flatMap((line) => JSON.parse(line.slice(PREFIX.length)) as FigurePart[]);
}

/** Joins the parts of each name (first non-null value wins), keeping `order` first, then the rest. */
export function mergeFigures(parts: FigurePart[], order: readonly string[]): Figure[] {
  const byName = new Map<string, Figure>();
  for (const part of parts) {
    const figure = byName.get(part.name) ?? {
      name: part.name,
      unit: part.unit,
      ours: null,
      baseline: null,
      target: null,
    };
    figure.ours ??= part.ours ?? null;
    figure.baseline ??= part.baseline ?? null;
    figure.target ??= part.target ?? null;
    byName.set(part.name, figure);
  }
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...byName.values()].toSorted((a, b) => rank(a.name) - rank(b.name));
}

export function describeMachine(): string {
  const cpu = cpus();
  const gb = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${gb} GB, ${platform()} ${release()}, Node ${process.version}`;
}

export function writeResults(path: string, figures: Figure[]): Results {
  const results: Results = { date: new Date().toISOString(), machine: describeMachine(), figures };
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

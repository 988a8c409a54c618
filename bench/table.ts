// `npx tsx bench/table.ts [file]`: bench/results.json (or the file named) as docs/benchmarks.md's Markdown table (figure, target, ours,
// baseline, ratio ours/baseline), so that table is copied from the results, not retyped.
import { readFileSync } from 'node:fs';
import { FIGURE_CATALOGUE, type Results, type TargetRule } from './results';

const results = JSON.parse(readFileSync(process.argv[2] ?? 'bench/results.json', 'utf8')) as Results;
const number = (value: number | null, unit: string) =>
  value === null ? 'not measured' : `${value.toLocaleString('en-US').replaceAll(',', ' ')}${unit ? ` ${unit}` : ''}`;
// A ratio with a negative (heap growth within noise) or zero says nothing.
const ratio = (ours: number | null, baseline: number | null) =>
  ours === null || baseline === null || ours <= 0 || baseline <= 0
    ? ''
    : `${(ours / baseline).toFixed(ours / baseline < 0.01 ? 4 : 2)}`;
// A target set against the same run says how: "≤ 130.4 ms (0.8 × baseline)".
const ruleText = (rule: TargetRule | undefined) => {
  if (rule === null || rule === undefined || typeof rule === 'number') return '';
  const bounds = [
    rule.naiveTimes === undefined ? '' : rule.naiveTimes === 1 ? 'baseline' : `${rule.naiveTimes} × baseline`,
    rule.figure === undefined ? '' : `\`${rule.figure}\` + ${rule.plus ?? 0}`,
    rule.atMost === undefined ? '' : String(rule.atMost),
  ].filter(Boolean);
  return ` (${bounds.join(', ')})`;
};
const verdict = (ours: number | null, target: number | null) => {
  if (ours === null || target === null) return '';
  if (ours <= target) return 'met';
  return target === 0 ? `missed by ${ours}` : `missed, ${(ours / target).toFixed(1)}× the target`;
};

const rules = new Map(FIGURE_CATALOGUE.map((entry) => [entry.name, entry.target]));
console.log(`Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${results.machine}.\n`);
console.log('| figure | target | ours | baseline | ours / baseline | verdict |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const figure of results.figures) {
  const unit = figure.unit;
  console.log(
    `| \`${figure.name}\` | ${figure.target === null ? '' : `≤ ${number(figure.target, unit)}${ruleText(rules.get(figure.name))}`} | ${number(figure.ours, unit)} | ${
      figure.baseline === null ? '' : number(figure.baseline, unit)
    } | ${ratio(figure.ours, figure.baseline)} | ${verdict(figure.ours, figure.target)} |`,
  );
}

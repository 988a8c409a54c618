// `npm run bench -- --quick` (bench/run.ts sets BENCH_QUICK=1 for its scripts): every figure script on
// small inputs with one repetition, to prove it still runs (CI), never to read its numbers.
const QUICK = process.env.BENCH_QUICK === '1';

/** `full` in a real run, `quick` in a quick one. */
export const fullOrQuick = <T>(full: T, quick: T): T => (QUICK ? quick : full);

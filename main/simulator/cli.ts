// `npm run simulator -- --port 8765 --token demo-token --speed 60 --servers 25`
// Runs the VPS.org simulator until Ctrl-C. Prints one line with the base URL.
import { parseArgs } from 'node:util';
import type { FaultFlags } from './faults';
import { startSimulator, type SimulatorOptions } from './simulator';
import { LIST_ENVELOPES, WRITE_ANSWERS, type AnswerShapes } from './shapes';

const USAGE = `Usage: npm run simulator -- [options]

  --host HOST             listen address (default 127.0.0.1)
  --port N                port, 0 = random (default 8765)
  --token TEXT            API token clients must send as Bearer (default demo-token)
  --speed X               time scale of transitions, 60 = a minute per second (default 1)
  --servers N             size of the seeded account (default 25)
  --seed N                PRNG seed: same seed, same account (default 1)
  --page-size N           list page size (default 50)
  --credits N             servers the account can still create before 402 (default 10)
  --latency MS            delay every answer by MS milliseconds
  --error-rate P          share 0..1 of requests answered 503
  --rate-limit-rate P     share 0..1 of requests answered 429
  --retry-after S         Retry-After seconds of 429 answers (default 2)
  --malformed-rate P      share 0..1 of successful answers with a truncated JSON body
  --hang-rate P           share 0..1 of requests never answered
  --status-lag MS         after a power action the list shows the old status for MS milliseconds
  --revoke-after S        revoke the token S seconds after start (every request then gets 401)

Answer shapes beyond the documented ones (the app must read them all):
  --list-envelope KIND    paginated (default), count-less (no "count") or bare-array (one JSON array)
  --odd-servers           servers with plan/os null, no hostname, no addresses, no dates,
                          numbers as strings or unknown extra fields (each the same way everywhere)
  --unreadable-entries N  add N entries without a usable id or status to every list
  --write-answers KIND    documented (default), terse (shortest sensible bodies), message-only,
                          or empty (202/204 without a body) to create, PUT, PATCH, DELETE and power actions
  -h, --help              this text`;

class UsageError extends Error {}

function parseNumber(
  name: string,
  text: string | undefined,
  check: (n: number) => boolean,
  rule: string,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value))
    throw new UsageError(`--${name} must be ${rule}, got "${text}"`);
  return value;
}

function parseChoice<T extends string>(name: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${text}"`);
}

/** setTimeout's longest delay (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const integer = (min: number) => (n: number) => Number.isInteger(n) && n >= min;
const rate = (n: number) => n >= 0 && n <= 1;

export function parseCliOptions(args: string[]): SimulatorOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        speed: { type: 'string' },
        servers: { type: 'string' },
        seed: { type: 'string' },
        'page-size': { type: 'string' },
        credits: { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit-rate': { type: 'string' },
        'retry-after': { type: 'string' },
        'malformed-rate': { type: 'string' },
        'hang-rate': { type: 'string' },
        'status-lag': { type: 'string' },
        'revoke-after': { type: 'string' },
        'list-envelope': { type: 'string' },
        'odd-servers': { type: 'boolean' },
        'unreadable-entries': { type: 'string' },
        'write-answers': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.token !== undefined && v.token.trim() === '') throw new UsageError('--token must not be empty');
  const faults: FaultFlags = {
    latencyMs: parseNumber('latency', v.latency, integer(0), 'a whole number of milliseconds'),
    errorRate: parseNumber('error-rate', v['error-rate'], rate, 'between 0 and 1'),
    rateLimitRate: parseNumber('rate-limit-rate', v['rate-limit-rate'], rate, 'between 0 and 1'),
    retryAfterSeconds: parseNumber('retry-after', v['retry-after'], integer(0), 'a whole number of seconds'),
    malformedRate: parseNumber('malformed-rate', v['malformed-rate'], rate, 'between 0 and 1'),
    hangRate: parseNumber('hang-rate', v['hang-rate'], rate, 'between 0 and 1'),
    statusLagMs: parseNumber('status-lag', v['status-lag'], integer(0), 'a whole number of milliseconds'),
  };
  const revokeAfterSeconds = parseNumber(
    'revoke-after',
    v['revoke-after'],
    (n) => n >= 0 && n * 1000 <= MAX_TIMER_MS,
    'a number of seconds, 0 or more',
  );
  const shapes: AnswerShapes = {
    listEnvelope: parseChoice('list-envelope', v['list-envelope'], LIST_ENVELOPES),
    oddServers: v['odd-servers'],
    unreadableEntries: parseNumber('unreadable-entries', v['unreadable-entries'], integer(0), 'a whole number'),
    writeAnswers: parseChoice('write-answers', v['write-answers'], WRITE_ANSWERS),
  };
  const givenShapes = Object.fromEntries(Object.entries(shapes).filter(([, value]) => value !== undefined));
  return {
    host: v.host ?? '127.0.0.1',
    port: parseNumber('port', v.port, (n) => integer(0)(n) && n <= 65535, 'a port number 0-65535') ?? 8765,
    token: v.token ?? 'demo-token',
    speed: parseNumber('speed', v.speed, (n) => n > 0, 'a positive number') ?? 1,
    servers: parseNumber('servers', v.servers, integer(0), 'a whole number'),
    seed: parseNumber('seed', v.seed, Number.isInteger, 'a whole number'),
    pageSize: parseNumber('page-size', v['page-size'], integer(1), 'a whole number from 1'),
    credits: parseNumber('credits', v.credits, integer(0), 'a whole number'),
    faults: Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined)),
    ...(revokeAfterSeconds === undefined ? {} : { revokeAfterMs: Math.round(revokeAfterSeconds * 1000) }),
    ...(Object.keys(givenShapes).length === 0 ? {} : { shapes: givenShapes }),
  };
}

async function main(): Promise<void> {
  let options: SimulatorOptions | 'help';
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`simulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const simulator = await startSimulator(options);
  console.log(`VPS.org simulator listening on ${simulator.baseUrl} (token: ${simulator.token})`);
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();

// `npm run preview`'s command line: the options (one table, which --help prints), their checks, and the
// friendly answer to a port already taken. dev/preview.ts runs it.
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { FAULT_HELP, parseFaults, PREVIEW_FAULTS, type PreviewFault } from './preview-faults';

export const DEFAULT_PREVIEW_PORT = 5174;

/** A mistake in the command line: printed without a stack trace, with a pointer at --help; exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(what: string) {
    super(`${what}; see npm run preview -- --help`);
  }
}

/** The page's port is taken: printed without a stack trace, exit code 1. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`port ${port} is in use — another preview? try --port ${port + 1}`);
  }
}

interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in --help. */
  value?: string;
  default?: string;
  help: string;
}

/** Every option, in the order --help lists them. */
export const PREVIEW_CLI_OPTIONS = {
  port: {
    type: 'string',
    value: '<n>',
    default: String(DEFAULT_PREVIEW_PORT),
    help: 'port of the page, on 127.0.0.1 only (0: any free port)',
  },
  servers: { type: 'string', value: '<n>', default: '25', help: 'servers in the (first) simulated account' },
  speed: {
    type: 'string',
    value: '<x>',
    default: '10',
    help: 'simulator time scale: 10 runs reboots and other transitions ten times faster',
  },
  accounts: {
    type: 'string',
    value: '<n>',
    default: '1',
    help: 'simulated accounts, 1 to 9, each with other servers, in one merged list',
  },
  faults: {
    type: 'string',
    value: '<list>',
    default: '',
    help: 'error states on from the start, comma-separated: see Faults below',
  },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} as const satisfies Record<string, CliOption>;

export interface PreviewCliOptions {
  port: number;
  servers: number;
  speed: number;
  accounts: number;
  faults: PreviewFault[];
}

export function previewHelp(): string {
  const rows = Object.entries(PREVIEW_CLI_OPTIONS).map(([name, option]: [string, CliOption]) => {
    const short = option.short ? `-${option.short}, ` : '';
    const flag = `${short}--${name}${option.value ? ` ${option.value}` : ''}`;
    const fallback =
      option.default === undefined ? '' : ` (default: ${option.default === '' ? 'none' : option.default})`;
    return `  ${flag.padEnd(20)} ${option.help}${fallback}`;
  });
  const faults = PREVIEW_FAULTS.map((fault) => `  ${fault.padEnd(20)} ${FAULT_HELP[fault]}`);
  return [
    'Usage: npm run preview -- [options]',
    '',
    'The real popup in your browser, on simulated accounts, with a panel beside it that switches',
    'error states on and off and shows the desktop notifications the app sends.',
    '',
    'Options:',
    ...rows,
    '',
    "Faults (the page's panel switches them live):",
    ...faults,
    '',
  ].join('\n');
}

function count(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name}: not a whole number from ${min} to ${max}: ${text}`);
  return value;
}

/** The options, 'help', or a UsageError that names what is wrong and points at --help. */
export function parsePreviewArgs(args: string[]): PreviewCliOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options: PREVIEW_CLI_OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const positional = /Unexpected argument '([^']+)'/.exec(message)?.[1];
    const what = unknown
      ? `unknown option ${unknown}`
      : positional
        ? `unexpected argument ${positional}`
        : message.split('. ')[0]!;
    throw new UsageError(what);
  }
  if (values.help === true) return 'help';
  const speed = Number(values.speed);
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new UsageError(`--speed: not a positive number: ${String(values.speed)}`);
  let faults: PreviewFault[];
  try {
    faults = parseFaults(String(values.faults));
  } catch (error) {
    throw new UsageError(`--faults: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    port: count('port', String(values.port), 0, 65_535),
    servers: count('servers', String(values.servers), 0, 10_000),
    speed,
    accounts: count('accounts', String(values.accounts), 1, 9),
    faults,
  };
}

/** Resolves when `port` on 127.0.0.1 can be listened on now; else throws PortInUseError. */
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** The port error a listen gave, as a PortInUseError; anything else as it is. */
export function explainListenError(error: unknown, port: number): unknown {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE' ? new PortInUseError(port) : error;
}

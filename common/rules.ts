// Input rules for the VPS.org API, shared by the client (checks before sending), the simulator
// (answers 400 with the same rules) and the renderer (validation as you type). Plain TypeScript with
// no dependencies, so the renderer bundle stays small. Violations are codes; each side words them
// (the client and simulator in English via `describeViolation`, the renderer in the user's language).

export interface CreateServerInput {
  name: string;
  plan_id: number;
  os_id: number;
  location: string;
  hostname?: string;
  ssh_key_id?: number;
  backups_enabled?: boolean;
}

/** PUT: all three fields are required. */
export interface ReplaceServerInput {
  name: string;
  hostname: string;
  backups_enabled: boolean;
}

/** PATCH: at least one of these. */
export type UpdateServerPatch = Partial<ReplaceServerInput>;

export type RuleViolation =
  | 'required'
  | 'invalid-name'
  | 'not-integer'
  | 'not-positive'
  | 'invalid-hostname'
  | 'not-boolean'
  | 'not-string'
  | 'empty'
  | 'unknown-field'
  | 'no-fields'
  // The global shortcut setting (common/shortcut.ts), worded by the same means as the API's rules.
  | 'invalid-shortcut'
  | 'shortcut-needs-modifier'
  | 'too-long'
  | 'duplicate'
  | 'token-rejected'
  // An API token's own shape (checkToken), before it is sent anywhere.
  | 'token-too-short'
  | 'token-too-long'
  | 'token-characters';

/** Field name -> violations. The key `non_field_errors` holds violations of the whole body. */
export type FieldViolations = Record<string, RuleViolation[]>;
export type RuleResult<T> = { ok: true; value: T } | { ok: false; violations: FieldViolations };

export const NAME_MAX_LENGTH = 63;
const HOSTNAME_MAX_LENGTH = 253;
export const ACCOUNT_LABEL_MAX_LENGTH = 40;
/**
 * An API token's length, after the whitespace around a paste is trimmed. Real tokens are far longer than
 * the minimum: it stops a stray keypress or a word typed by mistake (and still takes the simulator's
 * `demo-token`); the maximum bounds what is stored and sent.
 */
export const TOKEN_MIN_LENGTH = 8;
export const TOKEN_MAX_LENGTH = 4096;
/**
 * A Bearer token's alphabet (RFC 6750 `b64token`, what an `Authorization: Bearer` header may carry):
 * letters, digits and - . _ ~ + /, then any = padding. No spaces, quotes or other punctuation.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]+=*$/;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const HOSTNAME_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

const VIOLATION_TEXT: Record<RuleViolation, string> = {
  required: 'This field is required.',
  'invalid-name': `Use letters, digits and hyphens only (not starting with a hyphen, at most ${NAME_MAX_LENGTH} characters).`,
  'not-integer': 'Must be a whole number.',
  'not-positive': 'Must be a positive number.',
  'invalid-hostname': 'Must be a fully qualified domain name, e.g. web01.example.com.',
  'not-boolean': 'Must be true or false.',
  'not-string': 'Must be text.',
  empty: 'Must not be empty.',
  'unknown-field': 'Unknown field.',
  'no-fields': 'Give at least one of name, hostname, backups_enabled.',
  'invalid-shortcut': 'Write modifiers and one key joined by +, e.g. Ctrl+Alt+K.',
  'shortcut-needs-modifier':
    'Add Ctrl, Alt, Command or Super: a global shortcut of a plain key would take it from every app.',
  'too-long': `At most ${ACCOUNT_LABEL_MAX_LENGTH} characters.`,
  duplicate: 'Another account already has this name.',
  'token-rejected': 'VPS.org did not accept this token. Check that it was copied completely.',
  'token-too-short': `A VPS.org API token is at least ${TOKEN_MIN_LENGTH} characters long. Check that it was copied completely.`,
  'token-too-long': `A VPS.org API token is at most ${TOKEN_MAX_LENGTH} characters long.`,
  'token-characters':
    'A VPS.org API token has only letters, digits and - . _ ~ + / = (no spaces, quotes or other characters).',
};

/** English wording of a violation, as the client and the simulator report it. */
export function describeViolation(violation: RuleViolation): string {
  return VIOLATION_TEXT[violation];
}

/** Field violations worded in English: the shape of a 400 body's per-field lists. */
export function describeViolations(violations: FieldViolations): Record<string, string[]> {
  return Object.fromEntries(Object.entries(violations).map(([field, codes]) => [field, codes.map(describeViolation)]));
}

/** A server id that may be put into a URL: a positive safe integer, nothing else. */
export function isServerId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function checkName(value: unknown): RuleViolation | null {
  if (value === undefined || value === null || value === '') return 'required';
  if (typeof value !== 'string') return 'not-string';
  return value.length <= NAME_MAX_LENGTH && NAME_PATTERN.test(value) ? null : 'invalid-name';
}

function checkHostname(value: unknown): RuleViolation | null {
  if (value === undefined || value === null || value === '') return 'required';
  if (typeof value !== 'string') return 'not-string';
  const host = value.endsWith('.') ? value.slice(0, -1) : value;
  if (host.length > HOSTNAME_MAX_LENGTH) return 'invalid-hostname';
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => HOSTNAME_LABEL.test(label))) return 'invalid-hostname';
  // The top-level domain is never all digits (that would be an IPv4 address).
  return /^[0-9]+$/.test(labels.at(-1) ?? '') ? 'invalid-hostname' : null;
}

function checkPositiveInteger(value: unknown): RuleViolation | null {
  if (value === undefined || value === null || value === '') return 'required';
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'not-integer';
  return value > 0 ? null : 'not-positive';
}

function checkLocation(value: unknown): RuleViolation | null {
  if (value === undefined || value === null) return 'required';
  if (typeof value !== 'string') return 'not-string';
  return value.trim() === '' ? 'empty' : null;
}

function checkBoolean(value: unknown): RuleViolation | null {
  if (value === undefined || value === null) return 'required';
  return typeof value === 'boolean' ? null : 'not-boolean';
}

/**
 * An account's label (trimmed by the caller): non-empty, at most 40 characters, and unlike every other
 * account's label regardless of case (`others` leaves out the account being renamed).
 */
export function checkAccountLabel(value: unknown, others: readonly { label: string }[]): RuleViolation | null {
  if (value === undefined || value === null) return 'required';
  if (typeof value !== 'string') return 'not-string';
  const label = value.trim();
  if (label === '') return 'required';
  if (label.length > ACCOUNT_LABEL_MAX_LENGTH) return 'too-long';
  const folded = label.toLocaleLowerCase();
  return others.some((other) => other.label.trim().toLocaleLowerCase() === folded) ? 'duplicate' : null;
}

/**
 * An API token as pasted: trimmed, then at least TOKEN_MIN_LENGTH and at most TOKEN_MAX_LENGTH characters
 * of the Bearer token alphabet. The one definition: main refuses a token that breaks it before anything
 * is sent; the popup's forms show the same codes in the user's language.
 */
export function checkToken(value: unknown): RuleViolation | null {
  if (value === undefined || value === null) return 'required';
  if (typeof value !== 'string') return 'not-string';
  const token = value.trim();
  if (token === '') return 'required';
  if (token.length > TOKEN_MAX_LENGTH) return 'token-too-long';
  if (!TOKEN_PATTERN.test(token)) return 'token-characters';
  return token.length < TOKEN_MIN_LENGTH ? 'token-too-short' : null;
}

/** `checkToken` as a rule result: the trimmed token, or the violation under the field `token`. */
export function validateToken(value: unknown): RuleResult<string> {
  const violation = checkToken(value);
  return violation ? { ok: false, violations: { token: [violation] } } : { ok: true, value: (value as string).trim() };
}

/** A plain object (not null, not an array): the only shape whose fields may be read from `unknown`. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collect(checks: Record<string, RuleViolation | null>): FieldViolations {
  const violations: FieldViolations = {};
  for (const [field, violation] of Object.entries(checks)) if (violation) violations[field] = [violation];
  return violations;
}

function result<T>(violations: FieldViolations, value: () => T): RuleResult<T> {
  return Object.keys(violations).length === 0 ? { ok: true, value: value() } : { ok: false, violations };
}

const optional = (value: unknown, check: (v: unknown) => RuleViolation | null) =>
  value === undefined || value === null || value === '' ? null : check(value);

export function validateCreateServerInput(input: unknown): RuleResult<CreateServerInput> {
  if (!isRecord(input)) return { ok: false, violations: { non_field_errors: ['required'] } };
  const violations = collect({
    name: checkName(input.name),
    plan_id: checkPositiveInteger(input.plan_id),
    os_id: checkPositiveInteger(input.os_id),
    location: checkLocation(input.location),
    hostname: optional(input.hostname, checkHostname),
    ssh_key_id: optional(input.ssh_key_id, checkPositiveInteger),
    backups_enabled: optional(input.backups_enabled, checkBoolean),
  });
  return result(violations, () => {
    const value: CreateServerInput = {
      name: input.name as string,
      plan_id: input.plan_id as number,
      os_id: input.os_id as number,
      location: (input.location as string).trim(),
    };
    if (typeof input.hostname === 'string' && input.hostname !== '') value.hostname = input.hostname;
    if (typeof input.ssh_key_id === 'number') value.ssh_key_id = input.ssh_key_id;
    if (typeof input.backups_enabled === 'boolean') value.backups_enabled = input.backups_enabled;
    return value;
  });
}

export function validateReplaceServerInput(input: unknown): RuleResult<ReplaceServerInput> {
  if (!isRecord(input)) return { ok: false, violations: { non_field_errors: ['required'] } };
  const violations = collect({
    name: checkName(input.name),
    hostname: checkHostname(input.hostname),
    backups_enabled: checkBoolean(input.backups_enabled),
  });
  return result(violations, () => ({
    name: input.name as string,
    hostname: input.hostname as string,
    backups_enabled: input.backups_enabled as boolean,
  }));
}

const PATCH_FIELDS = ['name', 'hostname', 'backups_enabled'] as const;

export function validateUpdateServerPatch(input: unknown): RuleResult<UpdateServerPatch> {
  if (!isRecord(input)) return { ok: false, violations: { non_field_errors: ['no-fields'] } };
  const present = PATCH_FIELDS.filter((field) => input[field] !== undefined);
  if (present.length === 0) return { ok: false, violations: { non_field_errors: ['no-fields'] } };
  const checks = { name: checkName, hostname: checkHostname, backups_enabled: checkBoolean };
  const violations = collect(Object.fromEntries(present.map((field) => [field, checks[field](input[field])])));
  return result(
    violations,
    () => Object.fromEntries(present.map((field) => [field, input[field]])) as UpdateServerPatch,
  );
}

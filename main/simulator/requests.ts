// The simulator's own reading of the request bodies openapi/vps-org.openapi.json describes: each write's
// schema is taken from its operation (requestBody, application/json) and a body is checked against it
// keyword by keyword. Deliberately NOT common/rules.ts (the app's rules): the simulator is an oracle the
// app's rules are tested against, so a bug in a rule must not be copied into it. A small reader of the
// few keywords the document's request schemas use (no schema validator is shipped); a keyword it does not
// know fails at load, so the document cannot say more than the simulator checks.
import apiDocument from '../../openapi/vps-org.openapi.json';

/** The operations (operationId) whose bodies the simulator reads. */
export type WriteOperation = 'createServer' | 'replaceServer' | 'updateServer';

/** A 400 body's per-field lists; whole-body problems under `non_field_errors`. */
export type FieldErrors = Record<string, string[]>;

type Schema = Record<string, unknown>;

/** Keywords the reader checks. */
const CHECKED = new Set([
  '$ref',
  'type',
  'required',
  'properties',
  'anyOf',
  'minProperties',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'const',
]);
/** Keywords that say something to people only. */
const ANNOTATIONS = new Set(['description', 'default', 'examples', 'title']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const document: unknown = apiDocument;

function resolve(node: unknown, at: string): Schema {
  if (!isObject(node)) throw new Error(`openapi: no schema at ${at}`);
  if (typeof node.$ref !== 'string') return node;
  let target: unknown = document;
  for (const part of node.$ref.replace(/^#\//, '').split('/'))
    target = isObject(target) ? target[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  return resolve(target, node.$ref);
}

/** Every keyword of a request schema must be one the reader checks or an annotation. */
function assertReadable(schema: Schema, at: string): void {
  for (const [keyword, value] of Object.entries(schema)) {
    if (!CHECKED.has(keyword) && !ANNOTATIONS.has(keyword))
      throw new Error(`openapi: the simulator does not read "${keyword}" (${at})`);
    if (keyword === 'properties' && isObject(value))
      for (const [name, inner] of Object.entries(value)) assertReadable(resolve(inner, at), `${at}/${name}`);
    if (keyword === 'anyOf' && Array.isArray(value))
      value.forEach((inner, index) => assertReadable(resolve(inner, at), `${at}/anyOf/${index}`));
  }
}

interface RequestBody {
  required: boolean;
  schema: Schema;
}

function readRequestBodies(): Record<WriteOperation, RequestBody> {
  const found: Partial<Record<WriteOperation, RequestBody>> = {};
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(isObject(item) ? item : {})) {
      if (!isObject(operation) || !isObject(operation.requestBody)) continue;
      const id = operation.operationId as WriteOperation;
      const body = resolve(operation.requestBody, `${id} requestBody`);
      const content = isObject(body.content) ? body.content['application/json'] : undefined;
      const schema = resolve(isObject(content) ? content.schema : undefined, `${id} application/json`);
      assertReadable(schema, id);
      found[id] = { required: body.required === true, schema };
    }
  }
  for (const id of ['createServer', 'replaceServer', 'updateServer'] as const)
    if (!found[id]) throw new Error(`openapi: no request body for ${id}`);
  return found as Record<WriteOperation, RequestBody>;
}

let bodies: Record<WriteOperation, RequestBody> | undefined;
const requestBody = (operation: WriteOperation) => (bodies ??= readRequestBodies())[operation];

const typesOf = (schema: Schema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type)];

/** JSON Schema types; an integer read by JavaScript is only known exactly when it is a safe one. */
const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  integer: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  boolean: (value) => typeof value === 'boolean',
  object: isObject,
  array: Array.isArray,
  null: (value) => value === null,
};

const TYPE_TEXT: Record<string, string> = {
  string: 'Must be text.',
  integer: 'Must be a whole number.',
  number: 'Must be a number.',
  boolean: 'Must be true or false.',
  object: 'Must be an object.',
  array: 'Must be a list.',
};

/** What is wrong with one field's value under its schema (the first problem), or null. */
function fieldProblem(schema: Schema, value: unknown): string | null {
  const types = typesOf(schema);
  if (value === null) return types.includes('null') ? null : 'This field may not be null.';
  if (types.length > 0 && !types.some((type) => TYPE_CHECKS[type]?.(value)))
    return TYPE_TEXT[types.find((type) => type !== 'null') ?? ''] ?? 'Wrong type.';
  if ('const' in schema && value !== schema.const) return `Must be ${JSON.stringify(schema.const)}.`;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return `Must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}.`;
  if (typeof value === 'string') {
    // JSON Schema counts characters (code points), not UTF-16 units.
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength)
      return length === 0 ? 'This field may not be blank.' : `At least ${schema.minLength} characters.`;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength)
      return `Ensure this field has no more than ${schema.maxLength} characters.`;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      return 'Enter a valid value.';
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      return `Ensure this value is greater than or equal to ${schema.minimum}.`;
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      return `Ensure this value is less than or equal to ${schema.maximum}.`;
  }
  return null;
}

/** A value JSON carries (an undefined property is no property). */
const present = (body: Record<string, unknown>, name: string) => body[name] !== undefined;

/** The problems of an object body under an object schema, by field; empty when it conforms. */
function objectProblems(schema: Schema, body: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const name of required)
    if (!present(body, name) && !(name in properties)) errors[name] = ['This field is required.'];
  for (const [name, property] of Object.entries(properties)) {
    if (!present(body, name)) {
      if (required.includes(name)) errors[name] = ['This field is required.'];
      continue;
    }
    const problem = fieldProblem(resolve(property, name), body[name]);
    if (problem) errors[name] = [problem];
  }
  const whole: string[] = [];
  const given = Object.keys(body).filter((name) => present(body, name)).length;
  if (typeof schema.minProperties === 'number' && given < schema.minProperties)
    whole.push(`Give at least ${schema.minProperties} field(s).`);
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.map((branch) => resolve(branch, 'anyOf'));
    if (!branches.some((branch) => Object.keys(objectProblems(branch, body)).length === 0)) {
      const named = branches.flatMap((branch) => (Array.isArray(branch.required) ? branch.required : []));
      whole.push(named.length > 0 ? `Give at least one of ${named.join(', ')}.` : 'Matches none of the forms.');
    }
  }
  if (whole.length > 0) errors.non_field_errors = whole;
  return errors;
}

/**
 * Checks the body of a write (parsed JSON; undefined when there was none) against the document's schema
 * of the operation: null when it conforms, else the 400 body's per-field lists.
 */
export function checkRequestBody(operation: WriteOperation, body: unknown): FieldErrors | null {
  const { required, schema } = requestBody(operation);
  if (body === undefined) return required ? { non_field_errors: ['A JSON body is required.'] } : null;
  if (!isObject(body)) return { non_field_errors: ['Invalid data. Expected a JSON object.'] };
  const errors = objectProblems(schema, body);
  return Object.keys(errors).length === 0 ? null : errors;
}

/** The fields the document describes for an operation's body, and which of them are required. */
export function requestFields(operation: WriteOperation): { properties: string[]; required: string[] } {
  const { schema } = requestBody(operation);
  return {
    properties: Object.keys(isObject(schema.properties) ? schema.properties : {}),
    required: Array.isArray(schema.required) ? (schema.required as string[]) : [],
  };
}

/** The documented fields of a conforming body, without any other (the API ignores unknown fields). */
export function documentedPart<T>(operation: WriteOperation, body: Record<string, unknown>): T {
  const { properties } = requestFields(operation);
  return Object.fromEntries(properties.filter((name) => present(body, name)).map((name) => [name, body[name]])) as T;
}

// Runtime checks of invoke payloads: the shared pieces. Each feature (main/features/) declares the check
// of each of its channels next to its handler; the core joins them into one PayloadValidators table,
// whose mapped type makes a missing channel a compile error. Payloads arrive as `unknown`; a handler only
// ever sees a value one of these accepted.
import { z } from 'zod';
import { describeViolations, type FieldViolations, type RuleResult } from '../../common/rules';
import type { InvokeChannel, InvokeRequest, IpcError } from '../../common/contract';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: IpcError };
export type PayloadValidators = { [C in InvokeChannel]: (payload: unknown) => Validation<InvokeRequest<C>> };

export const invalid = (message: string): { ok: false; error: IpcError } => ({
  ok: false,
  error: { kind: 'invalid-payload', message },
});

function describeZodError(error: z.ZodError): string {
  // Paths and zod's own wording only: never the received value (it may be a token).
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function withSchema<T>(schema: z.ZodType<T>): (payload: unknown) => Validation<T> {
  return (payload) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? { ok: true, value: parsed.data } : invalid(describeZodError(parsed.error));
  };
}

/** For channels that take no payload. */
export const takesNoPayload = (payload: unknown): Validation<undefined> =>
  payload === undefined || payload === null ? { ok: true, value: undefined } : invalid('This call takes no payload.');

export const serverRefSchema = z
  .object({
    accountId: z.string().min(1).max(200),
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

export function fromRules<T>(result: RuleResult<T>): Validation<T> {
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, error: badRequest(result.violations) };
}

function badRequest(violations: FieldViolations): IpcError {
  // Codes for the popup to word in the user's language; English texts for logs and other callers.
  return {
    kind: 'bad-request',
    message: 'Some fields are not valid.',
    fieldErrors: describeViolations(violations),
    fieldViolations: violations,
  };
}

/** `{ ref, [field]: value }`: a server reference plus one value checked by the input rules. */
export function withRef<K extends string, T>(field: K, check: (value: unknown) => RuleResult<T>) {
  return (payload: unknown): Validation<{ ref: z.infer<typeof serverRefSchema> } & Record<K, T>> => {
    if (typeof payload !== 'object' || payload === null) return invalid('Expected { ref, ' + field + ' }.');
    const record = payload as Record<string, unknown>;
    const extra = Object.keys(record).filter((key) => key !== 'ref' && key !== field);
    if (extra.length > 0) return invalid(`Unknown field: ${extra.join(', ')}.`);
    const ref = serverRefSchema.safeParse(record.ref);
    if (!ref.success) return invalid(`ref: ${describeZodError(ref.error)}`);
    const checked = check(record[field]);
    if (!checked.ok) return { ok: false, error: badRequest(checked.violations) };
    return {
      ok: true,
      value: { ref: ref.data, [field]: checked.value } as { ref: z.infer<typeof serverRefSchema> } & Record<K, T>,
    };
  };
}

// Runtime checks of every invoke payload. The mapped type makes a missing channel a compile error.
// Payloads arrive as `unknown`; a handler only ever sees a value one of these accepted.
import { z } from 'zod';
import {
  describeViolations,
  validateCreateServerInput,
  validateReplaceServerInput,
  validateUpdateServerPatch,
  type FieldViolations,
  type RuleResult,
} from '../../common/rules';
import { settingsPatchSchema } from '../settings/schema';
import { InvokeChannel, type InvokeRequest, type IpcError } from '../../common/contract';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: IpcError };
export type PayloadValidators = { [C in InvokeChannel]: (payload: unknown) => Validation<InvokeRequest<C>> };

/** Longest text the clipboard channel accepts, in UTF-8 bytes. */
export const CLIPBOARD_MAX_BYTES = 4096;
export const TOKEN_MAX_LENGTH = 4096;

const invalid = (message: string): { ok: false; error: IpcError } => ({
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

function withSchema<T>(schema: z.ZodType<T>): (payload: unknown) => Validation<T> {
  return (payload) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? { ok: true, value: parsed.data } : invalid(describeZodError(parsed.error));
  };
}

const empty = (payload: unknown): Validation<undefined> =>
  payload === undefined || payload === null ? { ok: true, value: undefined } : invalid('This call takes no payload.');

export const serverRefSchema = z
  .object({
    accountId: z.string().min(1).max(200),
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

const filterSchema = z
  .object({ status: z.string().min(1).max(64).optional(), location: z.string().min(1).max(64).optional() })
  .strict();

const tokenInputSchema = z
  .object({
    // Tokens are opaque printable text; whitespace around a pasted token is trimmed.
    token: z
      .string()
      .transform((text) => text.trim())
      .pipe(
        z
          .string()
          .min(1)
          .max(TOKEN_MAX_LENGTH)
          .regex(/^[\x21-\x7e]+$/),
      ),
    label: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

function fromRules<T>(result: RuleResult<T>): Validation<T> {
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

function withRef<K extends string, T>(field: K, check: (value: unknown) => RuleResult<T>) {
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

export const payloadValidators: PayloadValidators = {
  [InvokeChannel.appInfo]: empty,
  [InvokeChannel.authState]: empty,
  [InvokeChannel.tokenSet]: (payload) => {
    const parsed = tokenInputSchema.safeParse(payload);
    if (parsed.success) {
      const value: InvokeRequest<typeof InvokeChannel.tokenSet> = { token: parsed.data.token };
      if (parsed.data.label !== undefined) value.label = parsed.data.label;
      return { ok: true, value };
    }
    // A fixed message: zod's text could echo part of what was pasted.
    return invalid('The token must be non-empty printable text without spaces (at most 4096 characters).');
  },
  [InvokeChannel.tokenClear]: empty,
  [InvokeChannel.demoStart]: empty,
  [InvokeChannel.demoStop]: empty,
  [InvokeChannel.fleetSubscribe]: empty,
  [InvokeChannel.fleetRefresh]: empty,
  [InvokeChannel.serversList]: (payload) =>
    payload === undefined || payload === null ? { ok: true, value: {} } : withSchema(filterSchema)(payload),
  [InvokeChannel.serversGet]: withSchema(serverRefSchema),
  [InvokeChannel.serversCreate]: (payload) => fromRules(validateCreateServerInput(payload)),
  [InvokeChannel.serversReplace]: withRef('input', validateReplaceServerInput),
  [InvokeChannel.serversUpdate]: withRef('patch', validateUpdateServerPatch),
  [InvokeChannel.serversDelete]: withSchema(serverRefSchema),
  [InvokeChannel.serversStart]: withSchema(serverRefSchema),
  [InvokeChannel.serversStop]: withSchema(serverRefSchema),
  [InvokeChannel.serversReboot]: withSchema(serverRefSchema),
  [InvokeChannel.settingsGet]: empty,
  [InvokeChannel.settingsSet]: withSchema(settingsPatchSchema),
  [InvokeChannel.clipboardWrite]: (payload) => {
    if (typeof payload !== 'string') return invalid('Only text can be copied.');
    if (Buffer.byteLength(payload, 'utf8') > CLIPBOARD_MAX_BYTES)
      return invalid('The text is too long to copy (4 KB at most).');
    return { ok: true, value: payload };
  },
  [InvokeChannel.popupReady]: empty,
  [InvokeChannel.popupHide]: empty,
};

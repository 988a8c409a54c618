// The auth channels: token setup, the demo, and adding, renaming and removing accounts. Only the IPC
// side (handlers and payload checks); the accounts themselves live in main/accounts.
import { z } from 'zod';
import { InvokeChannel, type InvokeRequest } from '../../common/contract';
import { describeViolations, validateToken } from '../../common/rules';
import type { Accounts } from '../accounts/accounts';
import type { RouterHandlers } from '../ipc/router';
import { invalid, takesNoPayload, withSchema, type PayloadValidators, type Validation } from '../ipc/validators';

type AuthChannel =
  | typeof InvokeChannel.authState
  | typeof InvokeChannel.tokenSet
  | typeof InvokeChannel.tokenClear
  | typeof InvokeChannel.demoStart
  | typeof InvokeChannel.demoStop
  | typeof InvokeChannel.accountAdd
  | typeof InvokeChannel.accountRename
  | typeof InvokeChannel.accountRemove;

// The token's own rule (length, alphabet; a pasted token is trimmed) is common/rules.ts' checkToken.
const tokenInputSchema = z.object({ token: z.string(), label: z.string().trim().min(1).max(100).optional() }).strict();

/** Labels are checked by the account rules in the handler (they depend on the other accounts). */
const labelSchema = z.string().max(1000);
const accountIdSchema = z.string().min(1).max(100);

// A fixed message: zod's text could echo part of what was pasted.
const TOKEN_SHAPE_MESSAGE = 'Expected a token (text) and optionally a label.';

/**
 * A token that breaks its rule, refused before anything is sent: the violation as a code under `token`,
 * for the form to say why in the user's language (never the token itself).
 */
function checkedToken(token: string): Validation<string> {
  const checked = validateToken(token);
  if (checked.ok) return { ok: true, value: checked.value };
  return {
    ok: false,
    error: {
      kind: 'invalid-payload',
      message: `The token was not sent: ${describeViolations(checked.violations).token?.join(' ') ?? ''}`.trim(),
      fieldErrors: describeViolations(checked.violations),
      fieldViolations: checked.violations,
    },
  };
}

export const authValidators: Pick<PayloadValidators, AuthChannel> = {
  [InvokeChannel.authState]: takesNoPayload,
  [InvokeChannel.tokenSet]: (payload) => {
    const parsed = tokenInputSchema.safeParse(payload);
    if (!parsed.success) return invalid(TOKEN_SHAPE_MESSAGE);
    const token = checkedToken(parsed.data.token);
    if (!token.ok) return token;
    const value: InvokeRequest<typeof InvokeChannel.tokenSet> = { token: token.value };
    if (parsed.data.label !== undefined) value.label = parsed.data.label;
    return { ok: true, value };
  },
  [InvokeChannel.tokenClear]: takesNoPayload,
  [InvokeChannel.demoStart]: takesNoPayload,
  [InvokeChannel.demoStop]: takesNoPayload,
  [InvokeChannel.accountAdd]: (payload) => {
    const parsed = z.object({ label: labelSchema, token: z.string() }).strict().safeParse(payload);
    if (!parsed.success) return invalid(TOKEN_SHAPE_MESSAGE);
    const token = checkedToken(parsed.data.token);
    return token.ok ? { ok: true, value: { label: parsed.data.label, token: token.value } } : token;
  },
  [InvokeChannel.accountRename]: withSchema(z.object({ id: accountIdSchema, label: labelSchema }).strict()),
  [InvokeChannel.accountRemove]: withSchema(z.object({ id: accountIdSchema }).strict()),
};

export interface AuthFeature {
  handlers: Pick<RouterHandlers, AuthChannel>;
}

/** The auth channels, each a change of the accounts (main/accounts), which answers with the auth state. */
export function createAuthFeature({ accounts }: { accounts: Accounts }): AuthFeature {
  return {
    handlers: {
      // No side effect: the popup asks this whenever it likes.
      [InvokeChannel.authState]: () => accounts.state(),
      [InvokeChannel.tokenSet]: (input) => accounts.setToken(input),
      [InvokeChannel.tokenClear]: () => accounts.clearToken(),
      [InvokeChannel.demoStart]: () => accounts.startDemo(),
      [InvokeChannel.demoStop]: () => accounts.stopDemo(),
      [InvokeChannel.accountAdd]: (input) => accounts.add(input),
      [InvokeChannel.accountRename]: (input) => accounts.rename(input),
      [InvokeChannel.accountRemove]: (input) => accounts.remove(input),
    },
  };
}

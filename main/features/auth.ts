// The auth channels: token setup, the demo, and adding, renaming and removing accounts. Only the IPC
// side (handlers and payload checks); the accounts themselves live in main/accounts.
import { z } from 'zod';
import { InvokeChannel, type InvokeRequest } from '../../common/contract';
import type { Accounts } from '../accounts/accounts';
import type { RouterHandlers } from '../ipc/router';
import { invalid, takesNoPayload, withSchema, type PayloadValidators } from '../ipc/validators';

type AuthChannel =
  | typeof InvokeChannel.authState
  | typeof InvokeChannel.tokenSet
  | typeof InvokeChannel.tokenClear
  | typeof InvokeChannel.demoStart
  | typeof InvokeChannel.demoStop
  | typeof InvokeChannel.accountAdd
  | typeof InvokeChannel.accountRename
  | typeof InvokeChannel.accountRemove;

export const TOKEN_MAX_LENGTH = 4096;

// Tokens are opaque printable text; whitespace around a pasted token is trimmed.
const tokenSchema = z
  .string()
  .transform((text) => text.trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(TOKEN_MAX_LENGTH)
      .regex(/^[\x21-\x7e]+$/),
  );

const tokenInputSchema = z.object({ token: tokenSchema, label: z.string().trim().min(1).max(100).optional() }).strict();

/** Labels are checked by the account rules in the handler (they depend on the other accounts). */
const labelSchema = z.string().max(1000);
const accountIdSchema = z.string().min(1).max(100);

// A fixed message: zod's text could echo part of what was pasted.
const TOKEN_SHAPE_MESSAGE = 'The token must be non-empty printable text without spaces (at most 4096 characters).';

export const authValidators: Pick<PayloadValidators, AuthChannel> = {
  [InvokeChannel.authState]: takesNoPayload,
  [InvokeChannel.tokenSet]: (payload) => {
    const parsed = tokenInputSchema.safeParse(payload);
    if (parsed.success) {
      const value: InvokeRequest<typeof InvokeChannel.tokenSet> = { token: parsed.data.token };
      if (parsed.data.label !== undefined) value.label = parsed.data.label;
      return { ok: true, value };
    }
    return invalid(TOKEN_SHAPE_MESSAGE);
  },
  [InvokeChannel.tokenClear]: takesNoPayload,
  [InvokeChannel.demoStart]: takesNoPayload,
  [InvokeChannel.demoStop]: takesNoPayload,
  [InvokeChannel.accountAdd]: (payload) => {
    const parsed = z.object({ label: labelSchema, token: tokenSchema }).strict().safeParse(payload);
    return parsed.success ? { ok: true, value: parsed.data } : invalid(TOKEN_SHAPE_MESSAGE);
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
      // No side effect: the popup asks this whenever it likes (the ready handshake is popupReady's).
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

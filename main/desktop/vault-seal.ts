// What the vault encrypts: the token together with the account id and the address it may be sent to.
// The entry's plain `baseUrl` beside the ciphertext is only a copy (readable in vault.json, and what an
// older version listed): the sealed one decides, and an entry whose copy was edited to another address
// is refused, so editing vault.json alone never sends a token to another host.
//
// Before version 2 of the vault, the ciphertext held the bare token; such an entry is opened once, in
// a version-1 vault only, bound to its entry's address and sealed again (vault.ts writes version 2 once
// every entry is sealed). In a version-2 vault a bare token is refused like an edited address.
import { z } from 'zod';

/** The plain text the keychain encrypts (JSON). `sealed` tells it apart from a bare token of old. */
const sealedSchema = z.object({
  sealed: z.literal(2),
  id: z.string(),
  baseUrl: z.string(),
  token: z.string().min(1),
});

export interface SealedToken {
  id: string;
  baseUrl: string;
  token: string;
}

/** The plain text to encrypt for an account's token. */
export function sealToken(sealed: SealedToken): string {
  return JSON.stringify({ sealed: 2, id: sealed.id, baseUrl: sealed.baseUrl, token: sealed.token });
}

function parseSealed(plain: string): SealedToken | null {
  if (!plain.startsWith('{')) return null;
  try {
    const parsed = sealedSchema.safeParse(JSON.parse(plain));
    return parsed.success ? { id: parsed.data.id, baseUrl: parsed.data.baseUrl, token: parsed.data.token } : null;
  } catch {
    return null;
  }
}

/**
 * What a decrypted entry holds: its token and address (`legacy`: a bare token of a version-1 vault, to
 * be sealed again), or why it is refused: sealed for another account id or address than its entry
 * names, or a bare token where only sealed ones may be.
 */
export type OpenedEntry =
  | { ok: true; token: string; baseUrl: string; legacy: boolean }
  | { ok: false; reason: 'other-address' | 'other-account' | 'not-sealed' };

export function openSealed(plain: string, entry: { id: string; baseUrl: string }, vaultVersion: number): OpenedEntry {
  const sealed = parseSealed(plain);
  if (sealed === null) {
    if (vaultVersion !== 1 || plain === '') return { ok: false, reason: 'not-sealed' };
    return { ok: true, token: plain, baseUrl: entry.baseUrl, legacy: true };
  }
  if (sealed.id !== entry.id) return { ok: false, reason: 'other-account' };
  if (sealed.baseUrl !== entry.baseUrl) return { ok: false, reason: 'other-address' };
  return { ok: true, token: sealed.token, baseUrl: sealed.baseUrl, legacy: false };
}

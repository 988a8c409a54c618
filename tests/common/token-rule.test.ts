// The API token's rule (common/rules.ts checkToken): one definition, applied by main before anything is
// sent, its violations worded by the popup's forms. A 1-character token used to be accepted.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import { checkToken, describeViolation, TOKEN_MAX_LENGTH, TOKEN_MIN_LENGTH, validateToken } from '../../common/rules';
import { authValidators } from '../../main/features/auth';
import { csViews } from '../../renderer/i18n/cs-views';
import { enViews } from '../../renderer/i18n/en-views';

describe('checkToken', () => {
  it('takes a real token: the Bearer alphabet, trimmed, long enough', () => {
    for (const token of [
      'demo-token',
      'vps_live_5ecret-Abc123',
      'a'.repeat(64),
      'eyJhbGci.eyJzdWIi.c2lnbmF0dXJl',
      'AbC+/9xyz==',
    ])
      expect(checkToken(token)).toBeNull();
    expect(validateToken('  tok_12345678\n')).toEqual({ ok: true, value: 'tok_12345678' });
  });

  it('refuses 1 character, or anything shorter than the minimum, as too short', () => {
    expect(TOKEN_MIN_LENGTH).toBeGreaterThanOrEqual(8);
    expect(checkToken('a')).toBe('token-too-short');
    expect(checkToken('x'.repeat(TOKEN_MIN_LENGTH - 1))).toBe('token-too-short');
    expect(checkToken(`  ${'x'.repeat(TOKEN_MIN_LENGTH - 1)}  `)).toBe('token-too-short');
    expect(checkToken('x'.repeat(TOKEN_MIN_LENGTH))).toBeNull();
  });

  it('refuses characters a token never has, an empty paste and a token beyond the maximum', () => {
    for (const token of [
      'two words token',
      'quoted"token-123',
      'token;rm -rf',
      'tökenwithumlaut',
      'pad=ding=inside',
      'tab\tinside-1234',
    ])
      expect(checkToken(token)).toBe('token-characters');
    expect(checkToken('   ')).toBe('required');
    expect(checkToken(42)).toBe('not-string');
    expect(checkToken('x'.repeat(TOKEN_MAX_LENGTH))).toBeNull();
    expect(checkToken('x'.repeat(TOKEN_MAX_LENGTH + 1))).toBe('token-too-long');
  });

  it('says why in English for main and in the popup’s languages, with the same numbers', () => {
    expect(describeViolation('token-too-short')).toContain(String(TOKEN_MIN_LENGTH));
    for (const views of [enViews, csViews]) {
      expect(views.violation['token-too-short']).toContain(String(TOKEN_MIN_LENGTH));
      expect(views.violation['token-too-long']).toContain(String(TOKEN_MAX_LENGTH));
      expect(views.violation['token-characters']).toBeTruthy();
    }
  });
});

describe('the token channels apply it before anything is sent', () => {
  it.each([InvokeChannel.tokenSet, InvokeChannel.accountAdd])(
    '%s refuses a 1-character token with the violation under `token`, never echoing it',
    (channel) => {
      const payload = channel === InvokeChannel.accountAdd ? { label: 'Work', token: 'Q' } : { token: 'Q' };
      const result = authValidators[channel](payload);
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'invalid-payload', fieldViolations: { token: ['token-too-short'] } },
      });
      const spaced = authValidators[channel]({ ...payload, token: 'secret with spaces-abcdef' });
      expect(spaced).toMatchObject({ ok: false, error: { fieldViolations: { token: ['token-characters'] } } });
      expect(JSON.stringify(spaced)).not.toContain('abcdef');
    },
  );

  it('passes a real token on, trimmed', () => {
    expect(authValidators[InvokeChannel.tokenSet]({ token: '  abc123-token\n' })).toEqual({
      ok: true,
      value: { token: 'abc123-token' },
    });
    expect(authValidators[InvokeChannel.accountAdd]({ label: 'Work', token: ' abc123-token ' })).toEqual({
      ok: true,
      value: { label: 'Work', token: 'abc123-token' },
    });
  });
});

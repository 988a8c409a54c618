import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import { authValidators } from '../../main/features/auth';

describe('auth payload checks', () => {
  it('never echoes a pasted token in a validation message', () => {
    const secret = 'secret with spaces-abcdef';
    const result = authValidators[InvokeChannel.tokenSet]({ token: secret });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('abcdef');
    expect(authValidators[InvokeChannel.tokenSet]({ token: '  abc123-token\n' })).toEqual({
      ok: true,
      value: { token: 'abc123-token' },
    });
  });
});

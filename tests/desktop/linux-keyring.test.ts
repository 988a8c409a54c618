import { describe, expect, it } from 'vitest';
import { linuxKeySource } from '../../main/desktop/linux-keyring';

describe('linuxKeySource', () => {
  it.each([
    ['v10', 'fixed-key'],
    ['v11', 'secret-service'],
    ['v12', 'secret-portal'],
    ['v13', 'unrecognized'],
    ['', 'unrecognized'],
    ['electron-stand-in', 'unrecognized'],
  ])('a ciphertext starting with "%s": %s', (tag, source) => {
    expect(linuxKeySource(Buffer.concat([Buffer.from(tag, 'latin1'), Buffer.from([0x8f, 0x00, 0x41])]))).toBe(source);
  });
});

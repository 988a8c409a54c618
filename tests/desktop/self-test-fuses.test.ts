import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FUSES, fuseProblems, readFuseWire } from '../../main/desktop/self-test';

const require = createRequire(import.meta.url);
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };

const binaryWith = (wire: string) =>
  Buffer.concat([
    Buffer.from('\x7fELF…code…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(`${wire}…more`),
  ]);

describe('the fuses read back from the packaged binary', () => {
  it('reads the wire after the sentinel, as @electron/fuses does', () => {
    expect(readFuseWire(binaryWith('01001100'))).toBe('01001100');
    expect(readFuseWire(Buffer.from('no fuses here'))).toBeNull();
  });

  it('the wire electron-builder.yml asks for passes; Electron defaults fail, naming each fuse', () => {
    expect(fuseProblems('01001100')).toEqual([]);
    expect(fuseProblems('10110001')).toEqual([
      'runAsNode is 1, not 0',
      'enableCookieEncryption is 0, not 1',
      'enableNodeOptionsEnvironmentVariable is 1, not 0',
      'enableNodeCliInspectArguments is 1, not 0',
      'enableEmbeddedAsarIntegrityValidation is 0, not 1',
      'onlyLoadAppFromAsar is 0, not 1',
      'grantFileProtocolExtraPrivileges is 1, not 0',
    ]);
  });

  it('expects exactly what electron-builder.yml sets, at the FuseV1Options index of each', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    const block = /^electronFuses:\n((?:^ .*\n)+)/m.exec(yml)?.[1] ?? '';
    const configured = Object.fromEntries(
      [...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map(([, name, value]) => [name, value === 'true']),
    );
    const expected = Object.fromEntries(Object.values(EXPECTED_FUSES).map(({ name, on }) => [name, on]));
    expect(expected).toEqual(configured);
    for (const [index, { name }] of Object.entries(EXPECTED_FUSES))
      expect(FuseV1Options[name[0]!.toUpperCase() + name.slice(1)]).toBe(Number(index));
  });
});

// The Electron fuses electron-builder flips into the packaged binary: each one the app never needs is off,
// each protection is on. Read with electron-builder's own config loader and checked against its own schema,
// so a misspelt option (which electron-builder would refuse, or a future one ignore) fails here too.
// tests/packaging/package.test.ts reads the flipped fuse wire back from a packaged executable.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(process.cwd(), null, null);
});

describe('electronFuses in electron-builder.yml', () => {
  it('is a configuration electron-builder 26 accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as Configuration,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/electronFuses/);
  });

  it('turns off ELECTRON_RUN_AS_NODE, NODE_OPTIONS and the --inspect arguments', () => {
    expect(config.electronFuses?.runAsNode).toBe(false);
    expect(config.electronFuses?.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(config.electronFuses?.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads the app only from app.asar and checks its embedded integrity', () => {
    expect(config.electronFuses?.onlyLoadAppFromAsar).toBe(true);
    expect(config.electronFuses?.enableEmbeddedAsarIntegrityValidation).toBe(true);
    // The integrity hash is embedded only when the app is packed as an asar.
    expect(config.asar).toBe(true);
  });

  it('encrypts cookies and gives file:// pages no extra privileges', () => {
    expect(config.electronFuses?.enableCookieEncryption).toBe(true);
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('sets exactly these fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

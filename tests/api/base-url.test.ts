// The API address rule: https anywhere, plain http only to this computer. The token travels in every
// request, so the settings and the client must refuse the same addresses.
import { describe, expect, it } from 'vitest';
import { createVpsClient } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import { isRecord } from '../../common/rules';
import { defaultSettings, settingsPatchSchema, settingsSchema } from '../../main/settings/schema';
import { checkApiBaseUrl } from '../../main/api/base-url';

const ACCEPTED = [
  'https://admin.vps.org/api/v1',
  'https://10.0.0.5:8443/api/v1',
  'http://127.0.0.1:8765/api/v1',
  'http://127.12.0.9/api/v1',
  'http://localhost:8765/api/v1',
  'http://LOCALHOST/api/v1',
  'http://[::1]:8765/api/v1',
];
const INSECURE = [
  'http://admin.vps.org/api/v1',
  'http://10.0.0.5/api/v1',
  'http://128.0.0.1/api/v1',
  'http://localhost.example.com/api/v1',
  'http://127.0.0.1.nip.io/api/v1',
  'http://[::2]/api/v1',
  'ftp://admin.vps.org/api/v1',
  'file:///etc/passwd',
];

describe('API base URL rule', () => {
  it('accepts https anywhere and http only for loopback hosts', () => {
    for (const address of ACCEPTED)
      expect({ address, problem: checkApiBaseUrl(address) }).toEqual({ address, problem: null });
    for (const address of INSECURE) {
      expect({ address, problem: checkApiBaseUrl(address) }).toEqual({ address, problem: 'insecure-scheme' });
    }
    expect(checkApiBaseUrl('not a url')).toBe('invalid-url');
  });

  it('the client refuses plain http to another host before sending anything, saying https is needed', () => {
    for (const baseUrl of INSECURE) {
      expect(() => createVpsClient({ baseUrl, token: 'secret-token' })).toThrow(VpsApiError);
    }
    expect(() => createVpsClient({ baseUrl: 'http://admin.vps.org/api/v1', token: 'secret-token' })).toThrow(
      /must start with https:\/\//,
    );
    for (const baseUrl of ACCEPTED) expect(createVpsClient({ baseUrl, token: 'secret-token' }).baseUrl).toBe(baseUrl);
  });

  it('settings accept and refuse the same addresses as the client', () => {
    for (const apiBaseUrl of ACCEPTED) {
      expect(settingsSchema.safeParse({ apiBaseUrl }).success).toBe(true);
      expect(settingsPatchSchema.safeParse({ apiBaseUrl }).success).toBe(true);
    }
    for (const apiBaseUrl of INSECURE) {
      expect({ apiBaseUrl, ok: settingsSchema.safeParse({ apiBaseUrl }).success }).toEqual({ apiBaseUrl, ok: false });
      expect({ apiBaseUrl, ok: settingsPatchSchema.safeParse({ apiBaseUrl }).success }).toEqual({
        apiBaseUrl,
        ok: false,
      });
    }
    expect(defaultSettings().apiBaseUrl).toBe('https://admin.vps.org/api/v1');
  });
});

describe('isRecord (one shared type guard)', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Error('x'))).toBe(true);
    for (const value of [null, undefined, [], [1], 'text', 3, true]) expect(isRecord(value)).toBe(false);
  });
});

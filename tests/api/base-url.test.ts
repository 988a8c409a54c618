// The API address rule: https anywhere, plain http only to a literal loopback address of this computer
// (127.0.0.0/8, ::1), not to the name `localhost`, which a resolver may send elsewhere. The token travels
// in every request, so the settings and the client must refuse the same addresses.
import { describe, expect, it } from 'vitest';
import { createVpsClient } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import { isRecord } from '../../common/rules';
import { defaultSettings, settingsPatchSchema, settingsSchema } from '../../main/settings/schema';
import { checkApiBaseUrl } from '../../main/api/base-url';
import { DEFAULT_API_BASE_URL } from '../../common/settings';

const ACCEPTED = [
  'https://admin.vps.org/api/v1',
  'https://10.0.0.5:8443/api/v1',
  'http://127.0.0.1:8765/api/v1',
  'http://127.12.0.9/api/v1',
  'http://127.255.255.255/api/v1',
  'http://[::1]:8765/api/v1',
  // Other spellings of the same addresses, which the URL parser normalises to the forms above.
  'http://127.1:8765/api/v1',
  'http://0x7f.0.0.1/api/v1',
  'http://[0:0:0:0:0:0:0:1]/api/v1',
];
const INSECURE = [
  'http://localhost:8765/api/v1',
  'http://LOCALHOST/api/v1',
  'http://localhost./api/v1',
  'http://sub.localhost/api/v1',
  'http://[::ffff:127.0.0.1]/api/v1',
  'http://126.255.255.255/api/v1',
  'http://0.0.0.0/api/v1',
  'http://[::]/api/v1',
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
  it('accepts https anywhere and http only for literal loopback addresses, not the name localhost', () => {
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
    expect(() => createVpsClient({ baseUrl: 'http://localhost:8765/api/v1', token: 'secret-token' })).toThrow(
      /only accepted for this computer's own address \(127\.0\.0\.1 or \[::1\]\)/,
    );
    for (const baseUrl of ACCEPTED) expect(createVpsClient({ baseUrl, token: 'secret-token' }).baseUrl).toBe(baseUrl);
  });

  it('the settings file accepts and refuses the same addresses as the client', () => {
    for (const apiBaseUrl of ACCEPTED) expect(settingsSchema.safeParse({ apiBaseUrl }).success).toBe(true);
    for (const apiBaseUrl of INSECURE) {
      expect({ apiBaseUrl, ok: settingsSchema.safeParse({ apiBaseUrl }).success }).toEqual({ apiBaseUrl, ok: false });
    }
    expect(defaultSettings().apiBaseUrl).toBe('https://admin.vps.org/api/v1');
    expect(checkApiBaseUrl(defaultSettings().apiBaseUrl)).toBeNull();
  });
});

describe('isRecord (one shared type guard)', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Error('x'))).toBe(true);
    for (const value of [null, undefined, [], [1], 'text', 3, true]) expect(isRecord(value)).toBe(false);
  });

  it('the popup cannot change the address at all: not even a valid https one is in the patch it may send', () => {
    for (const apiBaseUrl of [...ACCEPTED, ...INSECURE, DEFAULT_API_BASE_URL]) {
      expect({ apiBaseUrl, ok: settingsPatchSchema.safeParse({ apiBaseUrl }).success }).toEqual({
        apiBaseUrl,
        ok: false,
      });
    }
    expect(settingsPatchSchema.safeParse({ demoMode: false }).success).toBe(true);
  });
});

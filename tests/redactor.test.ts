import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../common/contract';
import { VpsApiError } from '../main/api/errors';
import { toIpcError } from '../main/ipc/errors';
import { createRouter, type RouterHandlers } from '../main/ipc/router';
import type { PayloadValidators } from '../main/ipc/validators';
import { createRedactor } from '../main/redactor';

describe('redactor', () => {
  it('replaces every occurrence of every secret it was given, and nothing else', () => {
    const redactor = createRedactor();
    expect(redactor.redact('token abc123 here')).toBe('token abc123 here');
    redactor.add('abc123');
    redactor.add('xyz-987');
    expect(redactor.redact('abc123 and abc123, then xyz-987.')).toBe('[redacted] and [redacted], then [redacted].');
    expect(redactor.redact('nothing secret')).toBe('nothing secret');
  });

  it('ignores secrets too short to be tokens, which would shred ordinary text', () => {
    const redactor = createRedactor();
    redactor.add('a');
    redactor.add('abc');
    expect(redactor.redact('a cab abc')).toBe('a cab abc');
    redactor.add('abcd');
    expect(redactor.redact('abcde')).toBe('[redacted]e');
  });
});

describe('redactor: the token as it appears written into a URL or a JSON text', () => {
  const token = 'vps_Ab+c/d=ef~g.h-i_"quoted"\\slash';

  it('replaces its URL-encoded form (query strings, form bodies), with upper- or lower-case escapes', () => {
    const redactor = createRedactor();
    redactor.add(token);
    const encoded = encodeURIComponent(token);
    expect(encoded).not.toBe(token);
    expect(redactor.redact(`GET /x?token=${encoded}&a=1`)).toBe('GET /x?token=[redacted]&a=1');
    const lower = encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    expect(redactor.redact(`next=${lower}`)).toBe('next=[redacted]');
    // A form body writes a space as +.
    const spaced = createRedactor();
    spaced.add('two words-token');
    expect(spaced.redact('token=two+words-token')).toBe('token=[redacted]');
  });

  it('replaces its JSON-escaped form (a token inside a JSON string), with or without escaped slashes', () => {
    const redactor = createRedactor();
    redactor.add(token);
    const escaped = JSON.stringify(token).slice(1, -1);
    expect(escaped).not.toBe(token);
    expect(redactor.redact(JSON.stringify({ detail: `bad token ${token}` }))).toBe('{"detail":"bad token [redacted]"}');
    expect(redactor.redact(`{"t":"${escaped.replaceAll('/', '\\/')}"}`)).toBe('{"t":"[redacted]"}');
  });

  it('replaces the exact token, still, and leaves near misses alone', () => {
    const redactor = createRedactor();
    redactor.add(token);
    expect(redactor.redact(`a ${token} b`)).toBe('a [redacted] b');
    expect(redactor.redact('vps_Ab+c/d=ef~g.h-i_')).toBe('vps_Ab+c/d=ef~g.h-i_');
  });
});

describe('fieldErrors leave main through the same redactor as every other text', () => {
  it('redacts the per-field messages and field names of an API error, in every written form', () => {
    const redactor = createRedactor();
    const token = 'other-account/Token+123';
    redactor.add(token);
    const error = new VpsApiError('bad-request', 'Refused.', {
      fieldErrors: {
        name: [`"${token}" is taken`, 'fine'],
        [`x-${encodeURIComponent(token)}`]: ['bad'],
      },
    });
    const mapped = toIpcError(error, redactor.redact);
    expect(mapped.fieldErrors).toEqual({ name: ['"[redacted]" is taken', 'fine'], 'x-[redacted]': ['bad'] });
    expect(JSON.stringify(mapped)).not.toContain('Token');
  });

  it('redacts the fieldErrors of a refused payload at the router', async () => {
    const redactor = createRedactor();
    redactor.add('SECRET-TOKEN-1');
    const router = createRouter(
      { [InvokeChannel.appInfo]: () => Promise.resolve({}) } as unknown as RouterHandlers,
      () => true,
      {
        validators: {
          [InvokeChannel.appInfo]: () => ({
            ok: false,
            error: { kind: 'bad-request', message: 'No.', fieldErrors: { f: ['SECRET-TOKEN-1 is not valid'] } },
          }),
        } as unknown as PayloadValidators,
        redact: redactor.redact,
      },
    );
    const result = await router.handle(InvokeChannel.appInfo, undefined, { url: 'app://popup/index.html' });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'bad-request', message: 'No.', fieldErrors: { f: ['[redacted] is not valid'] } },
    });
  });
});

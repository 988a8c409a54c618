import { describe, expect, it } from 'vitest';
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

// The process's log: a token the core has learnt never reaches a line, whichever part of the app logs it.
import { describe, expect, it } from 'vitest';
import { createAppLog } from '../main/app-log';
import { createRedactor } from '../main/redactor';

describe('app log', () => {
  it('redacts every token the shared redactor has learnt, in every line', () => {
    const redactor = createRedactor();
    const lines: string[] = [];
    const log = createAppLog(redactor, (level, line) => lines.push(`${level} ${line}`));
    log('info', 'vault: saved tok_live_0123456789');
    redactor.add('tok_live_0123456789');
    log('error', 'vault: saving tok_live_0123456789 failed');
    expect(lines).toEqual([
      'info [vps-tray] vault: saved tok_live_0123456789',
      'error [vps-tray] vault: saving [redacted] failed',
    ]);
  });
});

describe('app log lines', () => {
  it('escape every control character, so a message is always one line', () => {
    const lines: string[] = [];
    const log = createAppLog(createRedactor(), (_level, line) => lines.push(line));
    log('warn', 'srv\r\nINFO forged\u0000\u001b[31m\u202E\u2066x\\path');
    expect(lines).toEqual(['[vps-tray] srv\\r\\nINFO forged\\u0000\\u001b[31m\\u202e\\u2066x\\path']);
  });
});

// Uncaught exceptions and unhandled rejections of the main process are logged with their stack, and the
// handlers keep the process alive (Node ends it only when no handler is installed).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { describeFailure, installProcessHandlers, type ProcessLike } from '../../main/desktop/process-handlers';

function fakeProcess() {
  const emitter = new EventEmitter();
  return { emitter, target: emitter as unknown as ProcessLike };
}

describe('process handlers', () => {
  it('logs an uncaught exception with its stack', () => {
    const { emitter, target } = fakeProcess();
    const lines: string[] = [];
    installProcessHandlers(target, (level, message) => lines.push(`${level} ${message}`));
    const error = new Error('boom');
    emitter.emit('uncaughtException', error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error uncaught exception: Error: boom\n\s+at /);
  });

  it('logs an unhandled rejection, whether an Error or a plain value', () => {
    const { emitter, target } = fakeProcess();
    const lines: string[] = [];
    installProcessHandlers(target, (level, message) => lines.push(`${level} ${message}`));
    emitter.emit('unhandledRejection', new TypeError('bad'));
    emitter.emit('unhandledRejection', 'just a string');
    expect(lines[0]).toMatch(/^error unhandled rejection: TypeError: bad\n\s+at /);
    expect(lines[1]).toBe('error unhandled rejection: just a string');
  });

  it('survives a log that throws (it would otherwise raise another uncaught exception)', () => {
    const { emitter, target } = fakeProcess();
    installProcessHandlers(target, () => {
      throw new Error('disk full');
    });
    expect(() => emitter.emit('uncaughtException', new Error('boom'))).not.toThrow();
  });

  it('removes both handlers again', () => {
    const { emitter, target } = fakeProcess();
    const uninstall = installProcessHandlers(target, () => {});
    expect(emitter.listenerCount('uncaughtException')).toBe(1);
    expect(emitter.listenerCount('unhandledRejection')).toBe(1);
    uninstall();
    expect(emitter.listenerCount('uncaughtException')).toBe(0);
    expect(emitter.listenerCount('unhandledRejection')).toBe(0);
  });

  it('describes an Error without a stack by its name and message', () => {
    const error = new RangeError('out');
    error.stack = undefined;
    expect(describeFailure(error)).toBe('RangeError: out');
  });
});

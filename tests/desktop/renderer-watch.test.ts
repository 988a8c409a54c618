// A popup renderer that crashes or hangs is reloaded once, then reported (log + one notification).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchRenderer, type WatchedWebContents } from '../../main/desktop/renderer-watch';

function setup() {
  const emitter = new EventEmitter();
  let reloads = 0;
  const webContents = Object.assign(emitter, { reload: () => (reloads += 1) }) as unknown as WatchedWebContents;
  const lines: string[] = [];
  let reports = 0;
  watchRenderer(webContents, {
    log: (level, message) => lines.push(`${level} ${message}`),
    reportFailure: () => (reports += 1),
  });
  return { emitter, lines, reloads: () => reloads, reports: () => reports };
}

describe('renderer watch', () => {
  it('reloads a crashed renderer once, and logs it', () => {
    const s = setup();
    s.emitter.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(s.reloads()).toBe(1);
    expect(s.reports()).toBe(0);
    expect(s.lines).toEqual(['warn popup renderer gone (crashed): reloading it']);
  });

  it('reloads a hung renderer once', () => {
    const s = setup();
    s.emitter.emit('unresponsive');
    expect(s.reloads()).toBe(1);
    expect(s.lines).toEqual(['warn popup renderer unresponsive: reloading it']);
  });

  it('a second failure is not reloaded but reported, and the user is told only once', () => {
    const s = setup();
    s.emitter.emit('render-process-gone', {}, { reason: 'oom' });
    s.emitter.emit('unresponsive');
    s.emitter.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(s.reloads()).toBe(1);
    expect(s.reports()).toBe(1);
    expect(s.lines).toEqual([
      'warn popup renderer gone (oom): reloading it',
      'error popup renderer unresponsive again after a reload: not reloading it',
      'error popup renderer gone (crashed) again after a reload: not reloading it',
    ]);
  });

  it('ignores a clean exit (the window closing)', () => {
    const s = setup();
    s.emitter.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(s.reloads()).toBe(0);
    expect(s.lines).toEqual([]);
  });
});

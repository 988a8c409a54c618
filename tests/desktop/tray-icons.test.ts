// Every icon the tray asks for is a committed file (the PNGs themselves are checked in
// tests/packaging/icons.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayIconState } from '../../main/desktop/tray';
import { TRAY_ICON_NAMES, trayIconFile } from '../../main/desktop/tray-icons';

const STATES = Object.keys(TRAY_ICON_NAMES) as TrayIconState[];

describe('tray icon files', () => {
  it('macOS gets the Template image (tinted by the menu bar), other platforms the coloured one', () => {
    expect(trayIconFile('attention', 'darwin')).toEqual({
      fileName: 'tray-attentionTemplate.png',
      template: true,
    });
    expect(trayIconFile('attention', 'win32')).toEqual({ fileName: 'tray-attention.png', template: false });
    expect(trayIconFile('no-token', 'linux')).toEqual({ fileName: 'tray-noToken.png', template: false });
  });

  it.each(['darwin', 'win32', 'linux'])('%s: each state has its own file, in build/tray with its @2x', (platform) => {
    const files = STATES.map((state) => trayIconFile(state, platform).fileName);
    expect(new Set(files).size).toBe(STATES.length);
    const missing = files
      .flatMap((file) => [file, file.replace(/\.png$/, '@2x.png')])
      .filter((file) => !existsSync(join('build', 'tray', file)));
    expect(missing).toEqual([]);
  });
});

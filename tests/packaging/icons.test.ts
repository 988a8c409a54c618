// The committed icons are what scripts/make-icons.mjs produces and what the tray code asks for:
// valid RGBA PNGs of the right size; macOS Template images are black + alpha only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

function decodePng(path: string) {
  const buffer = readFileSync(path);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9]!;
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels: Array<[number, number, number, number]> = [];
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 4;
      pixels.push([raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!]);
    }
  }
  return { width, height, colorType, pixels };
}

const STATES = ['ok', 'busy', 'error', 'noToken', 'demo', 'attention'];
/** Windows and Linux: one look per panel theme (main/tray/icons.ts picks one). */
const PANEL_LOOKS = ['OnDark', 'OnLight'];
const THEMED = STATES.flatMap((state) => PANEL_LOOKS.map((look) => `${state}${look}`));

/** Mean luminance (0-255) of the glyph's top unit (rows above every state's mark), where it is drawn. */
function glyphLuminance(name: string): number {
  const png = decodePng(join('build', 'tray', `tray-${name}@2x.png`));
  const top = png.pixels.slice(0, 12 * png.width).filter(([, , , a]) => a > 0);
  return top.reduce((sum, [r, g, b]) => sum + 0.2126 * r + 0.7152 * g + 0.0722 * b, 0) / top.length;
}

describe('icons', () => {
  it.each(THEMED)('tray-%s: 16 px, 32 px @2x, RGBA, partly transparent', (name) => {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      const png = decodePng(join('build', 'tray', `tray-${name}${suffix}.png`));
      expect([png.width, png.height, png.colorType]).toEqual([size, size, 6]);
      expect(png.pixels.some((p) => p[3] === 0)).toBe(true);
      expect(png.pixels.some((p) => p[3] === 255)).toBe(true);
    }
  });

  it.each(STATES)('tray-%s: a light glyph for a dark panel, a dark one for a light panel', (state) => {
    expect(glyphLuminance(`${state}OnDark`)).toBeGreaterThan(200);
    expect(glyphLuminance(`${state}OnLight`)).toBeLessThan(80);
  });

  it.each(STATES)('tray-%sTemplate: black + alpha only (macOS tints it)', (state) => {
    for (const suffix of ['', '@2x']) {
      const png = decodePng(join('build', 'tray', `tray-${state}Template${suffix}.png`));
      expect(png.pixels.filter((p) => p[3] > 0 && (p[0] !== 0 || p[1] !== 0 || p[2] !== 0))).toEqual([]);
    }
  });

  it('state icons differ from each other', () => {
    for (const look of PANEL_LOOKS) {
      const keys = STATES.map((state) =>
        readFileSync(join('build', 'tray', `tray-${state}${look}@2x.png`)).toString('base64'),
      );
      expect(new Set(keys).size).toBe(STATES.length);
    }
    const templates = STATES.map((s) =>
      readFileSync(join('build', 'tray', `tray-${s}Template@2x.png`)).toString('base64'),
    );
    expect(new Set(templates).size).toBe(STATES.length);
  });

  it('app icon is 512 x 512', () => {
    const png = decodePng(join('build', 'icon.png'));
    expect([png.width, png.height]).toEqual([512, 512]);
  });
});

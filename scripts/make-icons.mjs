// Generates the tray icons (one per tray state, 16 px and 32 px @2x) in three looks: `OnDark` (a light
// glyph for a dark panel) and `OnLight` (a dark glyph for a light panel) for Windows and Linux, where
// main/tray/icons.ts picks one as nativeTheme reports the panel; and macOS Template images in
// black + alpha, which the menu bar tints itself. Also the 512 px app icon, into build/. Plain Node:
// shapes are signed-distance functions sampled 4x4 per pixel for anti-aliasing, written as PNG with
// node:zlib. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

// --- PNG ------------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** rgba: Uint8Array of size*size*4 */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes (unit square, y down; negative distance = inside) -------------------------------------
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
/** A convex polygon, corners clockwise (y down): the largest distance beyond any edge's line. */
const polygon = (corners) => (x, y) =>
  Math.max(
    ...corners.map(([x0, y0], i) => {
      const [x1, y1] = corners[(i + 1) % corners.length];
      const length = Math.hypot(x1 - x0, y1 - y0);
      return ((x - x0) * (y1 - y0) - (y - y0) * (x1 - x0)) / length;
    }),
  );
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));
const halfPlaneLeftOf = (xEdge) => (x) => x - xEdge;
const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y));

/** Two stacked server units with a status light each. */
function serverGlyph(scale = 1, offset = 0) {
  const t = (v) => offset + v * scale;
  const unit = (y0, y1) =>
    subtract(
      roundedRect(t(0.06), t(y0), t(0.9), t(y1), 0.07 * scale),
      circle(t(0.22), t((y0 + y1) / 2), 0.055 * scale),
    );
  return union(unit(0.1, 0.45), unit(0.55, 0.9));
}

const DOT = { cx: 0.76, cy: 0.76, r: 0.22, gap: 0.07 };
const COLORS = {
  ok: [34, 160, 80],
  busy: [40, 120, 230],
  error: [215, 50, 50],
  'no-token': [130, 130, 130],
  demo: [140, 90, 210],
  // A server is not as the user expects it (main/fleet's expectations): a warning badge, its own shape.
  attention: [240, 96, 16],
};
/** The glyph per panel: light on a dark panel, dark on a light one. */
const GLYPH_COLOR = { dark: [232, 235, 240], light: [52, 58, 68] };

/** The attention badge: a warning triangle, larger than the dot, with an exclamation mark cut out. */
const ATTENTION_TRIANGLE = polygon([
  [0.73, 0.4],
  [1.0, 0.98],
  [0.46, 0.98],
]);
const EXCLAMATION = union(roundedRect(0.7, 0.58, 0.76, 0.8, 0.02), roundedRect(0.7, 0.85, 0.76, 0.92, 0.02));
const ATTENTION_BADGE = subtract(ATTENTION_TRIANGLE, EXCLAMATION);
const ATTENTION_CUTOUT = (x, y) => ATTENTION_TRIANGLE(x, y) - DOT.gap;

/** Template marks: monochrome, so the state is told by the mark's shape. */
const TEMPLATE_MARK = {
  ok: null,
  busy: intersect(circle(DOT.cx, DOT.cy, DOT.r), halfPlaneLeftOf(DOT.cx)),
  error: circle(DOT.cx, DOT.cy, DOT.r),
  'no-token': roundedRect(DOT.cx - DOT.r, DOT.cy - 0.05, DOT.cx + DOT.r, DOT.cy + 0.05, 0.04),
  demo: roundedRect(DOT.cx - DOT.r * 0.8, DOT.cy - DOT.r * 0.8, DOT.cx + DOT.r * 0.8, DOT.cy + DOT.r * 0.8, 0.03),
  attention: ATTENTION_BADGE,
};

/** Layers painted in order: [sdf, [r,g,b], alpha]. */
function render(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [sdf, color, alpha] of layers) {
        let covered = 0;
        for (let sy = 0; sy < samples; sy++)
          for (let sx = 0; sx < samples; sx++)
            if (sdf((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size) <= 0) covered++;
        const srcA = (covered / samples ** 2) * alpha;
        if (srcA === 0) continue;
        const outA = srcA + a * (1 - srcA);
        r = (color[0] * srcA + r * a * (1 - srcA)) / outA;
        g = (color[1] * srcA + g * a * (1 - srcA)) / outA;
        b = (color[2] * srcA + b * a * (1 - srcA)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], i);
    }
  }
  return rgba;
}

/** look: 'template' (macOS), or the panel the icon sits on: 'dark' or 'light'. */
function trayLayers(state, look) {
  const template = look === 'template';
  const badge = state === 'attention';
  const cutout = badge ? ATTENTION_CUTOUT : circle(DOT.cx, DOT.cy, DOT.r + DOT.gap);
  const mark = template || badge ? TEMPLATE_MARK[state] : circle(DOT.cx, DOT.cy, DOT.r);
  const glyph = mark ? subtract(serverGlyph(), cutout) : serverGlyph();
  const glyphColor = template ? [0, 0, 0] : GLYPH_COLOR[look];
  const glyphAlpha = state === 'no-token' ? 0.5 : 1;
  const layers = [[glyph, glyphColor, glyphAlpha]];
  if (mark) layers.push([mark, template ? [0, 0, 0] : COLORS[state], 1]);
  return layers;
}

const camel = (state) => state.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** File name suffix per look (main/tray/icons.ts names the same). */
const LOOKS = { dark: 'OnDark', light: 'OnLight', template: 'Template' };

export const TRAY_STATES = Object.keys(COLORS);
const outDir = 'build';
const trayDir = join(outDir, 'tray');
mkdirSync(trayDir, { recursive: true });
for (const state of TRAY_STATES) {
  for (const [look, suffix] of Object.entries(LOOKS)) {
    const name = `tray-${camel(state)}${suffix}`;
    writeFileSync(join(trayDir, `${name}.png`), encodePng(16, render(16, trayLayers(state, look))));
    writeFileSync(join(trayDir, `${name}@2x.png`), encodePng(32, render(32, trayLayers(state, look))));
  }
}

// App icon: white server glyph on a blue rounded square, with a green status dot.
const appLayers = [
  [roundedRect(0.04, 0.04, 0.96, 0.96, 0.2), [30, 90, 200], 1],
  [subtract(serverGlyph(0.6, 0.2), circle(0.72, 0.72, 0.17)), [255, 255, 255], 1],
  [circle(0.72, 0.72, 0.12), [60, 200, 110], 1],
];
writeFileSync(join(outDir, 'icon.png'), encodePng(512, render(512, appLayers)));
const count = TRAY_STATES.length * Object.keys(LOOKS).length * 2;
console.log(`icons: ${count} tray images in ${trayDir}, ${join(outDir, 'icon.png')}`);

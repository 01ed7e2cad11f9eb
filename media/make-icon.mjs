// Draws the extension's icon (media/icon.png, 256×256): a state histogram on a dark tile, its tallest bar the
// TIME_WAIT pile in amber. Our own design, drawn by this script: `node media/make-icon.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 256;
const SS = 4; // samples per pixel along each axis, for smooth edges

const TILE = [24, 42, 56];
const BARS = [
  // x, width, height (of 256), colour: ESTABLISHED, FIN_WAIT2, TIME_WAIT, CLOSE_WAIT
  [44, 34, 92, [94, 200, 190]],
  [90, 34, 60, [94, 200, 190]],
  [136, 34, 170, [245, 166, 35]],
  [182, 34, 40, [94, 200, 190]],
];
const BASELINE = 212;

/** Inside a rounded rectangle (x0, y0)–(x1, y1) with corner radius r. */
function inRounded(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a point, or undefined outside the tile. */
function colourAt(x, y) {
  if (!inRounded(x, y, 8, 8, 248, 248, 44)) return undefined;
  for (const [bx, bw, bh, c] of BARS) if (inRounded(x, y, bx, BASELINE - bh, bx + bw, BASELINE, 6)) return c;
  if (y >= BASELINE + 6 && y <= BASELINE + 12 && x >= 36 && x <= 224) return [220, 228, 232];
  return TILE;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = 1 + px * 4;
    if (a > 0) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (SS * SS))], o);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("./icon.png", import.meta.url), png);

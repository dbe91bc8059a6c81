// node scripts/make-icon.mjs: draws the extension's icon (client/images/icon.png, 128×128): a
// white house with a check mark on a teal tile. Our own drawing, rendered with 4×4 supersampling
// and written as a PNG with node's zlib, so it needs no image tool.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const TEAL = [27, 94, 107];
const WHITE = [255, 255, 255];

function insideRoundedTile(x, y) {
  const r = 22;
  const cx = Math.min(Math.max(x, r + 4), SIZE - r - 4);
  const cy = Math.min(Math.max(y, r + 4), SIZE - r - 4);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideHouse(x, y) {
  const roof = y >= 20 && y <= 62 && Math.abs(x - 64) <= ((y - 20) / 42) * 46;
  const body = x >= 34 && x <= 94 && y >= 60 && y <= 106;
  return roof || body;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function onCheckMark(x, y) {
  const a = [47, 82];
  const b = [59, 94];
  const c = [82, 69];
  return Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c)) <= 5;
}

/** Colour and coverage of one sample point. */
function sample(x, y) {
  if (!insideRoundedTile(x, y)) return null;
  return insideHouse(x, y) && !onCheckMark(x, y) ? WHITE : TEAL;
}

function pixels() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = [0]; // filter type: none
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          covered++;
          colour.forEach((value, i) => (sum[i] += value));
        }
      }
      const rgb = covered ? sum.map((value) => Math.round(value / covered)) : [0, 0, 0];
      row.push(...rgb, Math.round((covered / SAMPLES ** 2) * 255));
    }
    rows.push(...row);
  }
  return Buffer.from(rows);
}

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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync('client/images/icon.png', png);
console.log(`client/images/icon.png: ${png.length} bytes`);

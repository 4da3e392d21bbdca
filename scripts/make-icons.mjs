// Draws BioSync's icon (public/icon.svg: a rounded green square with a white pulse line) into the
// PNG and ICO files browsers and home screens ask for, with no image package: the shapes are
// rasterised here with 8×8 supersampling and written as PNG (zlib) and PNG-in-ICO.
// Run: node scripts/make-icons.mjs   (writes app/favicon.ico, app/icon.png, app/apple-icon.png, public/icons/*.png)
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const GREEN = [0x05, 0x96, 0x69];
const WHITE = [0xff, 0xff, 0xff];
/** The pulse line of icon.svg in its 32×32 viewBox: M5 17h5l3-8 6 15 3-7h5, stroke 2.5, round caps and joins. */
const PULSE = [
  [5, 17],
  [10, 17],
  [13, 9],
  [19, 24],
  [22, 17],
  [27, 17],
];
const HALF_STROKE = 1.25;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const onPulse = (x, y) => PULSE.slice(1).some((point, i) => distanceToSegment(x, y, PULSE[i], point) <= HALF_STROKE);

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  return x >= 0 && x <= 32 && y >= 0 && y <= 32 && Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * RGBA pixels of the icon at `size`. `radius`: corner radius in viewBox units (7 as in the SVG,
 * 0 for full-bleed squares); `scale`: the pulse line's size around the centre (maskable icons keep
 * it inside the safe zone).
 */
function draw(size, { radius = 7, scale = 1 } = {}) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size) * 32;
          const y = ((py + (sy + 0.5) / n) / size) * 32;
          if (!insideRoundedSquare(x, y, radius)) continue;
          const colour = onPulse(16 + (x - 16) / scale, 16 + (y - 16) / scale) ? WHITE : GREEN;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha PNG of `size`×`size` RGBA pixels. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO holding one PNG per size (supported by every current browser). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const icon = (size, options) => png(size, draw(size, options));

mkdirSync("public/icons", { recursive: true });
writeFileSync("app/favicon.ico", ico([16, 32, 48].map((size) => ({ size, data: icon(size) }))));
writeFileSync("app/icon.png", icon(192));
// iOS rounds the corners itself and shows transparency as black: a full-bleed square.
writeFileSync("app/apple-icon.png", icon(180, { radius: 0 }));
writeFileSync("public/icons/icon-192.png", icon(192));
writeFileSync("public/icons/icon-512.png", icon(512));
// Maskable: full bleed, the line inside the central 80 % safe zone.
writeFileSync("public/icons/maskable-512.png", icon(512, { radius: 0, scale: 0.75 }));
console.log("icons written: app/favicon.ico, app/icon.png, app/apple-icon.png, public/icons/{icon-192,icon-512,maskable-512}.png");

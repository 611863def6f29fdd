/** Draws the app icons (a white house on brand blue) as PNG without image libraries: `npx tsx scripts/make-icons.ts`. */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** Inside the house: a roof triangle over a body with a door cut out. Coordinates in 0..1. */
function isHouse(x: number, y: number): boolean {
  const roof = y >= 0.2 && y <= 0.48 && Math.abs(x - 0.5) <= (y - 0.2) * (0.32 / 0.28);
  const body = x >= 0.28 && x <= 0.72 && y >= 0.46 && y <= 0.8;
  const door = x >= 0.44 && x <= 0.56 && y >= 0.6 && y <= 0.8;
  return (roof || body) && !door;
}

function png(size: number, maskable: boolean): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      // A maskable icon keeps its drawing inside the central safe zone.
      const scale = maskable ? 0.7 : 1;
      const x = (px / size - 0.5) / scale + 0.5;
      const y = (py / size - 0.5) / scale + 0.5;
      const white = isHouse(x, y);
      const o = 1 + px * 4;
      row[o] = white ? 255 : 0x0b;
      row[o + 1] = white ? 255 : 0x4f;
      row[o + 2] = white ? 255 : 0x8a;
      row[o + 3] = 255;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = 'src/web/public';
writeFileSync(`${out}/icon-192.png`, png(192, false));
writeFileSync(`${out}/icon-512.png`, png(512, false));
writeFileSync(`${out}/icon-maskable-512.png`, png(512, true));
writeFileSync(
  `${out}/icon.svg`,
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#0b4f8a"/><path d="M50 20 L82 48 L72 48 L72 80 L56 80 L56 60 L44 60 L44 80 L28 80 L28 48 L18 48 Z" fill="#fff"/></svg>\n`,
);
console.log('icons written to', out);

/**
 * Writes the web app manifest's icons, public/icons/*.png, from public/favicon.svg:
 * 192 and 512 px as drawn, and a 512 px "maskable" icon whose artwork sits inside the central
 * 80 % safe zone on the favicon's blue, so launchers may crop it to any shape.
 * Run after changing the favicon: `npx tsx scripts/pwa-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

const svg = readFileSync('public/favicon.svg');
const BLUE = '#3b4fd8';
mkdirSync('public/icons', { recursive: true });

for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toFile(`public/icons/icon-${size}.png`);
}

const inner = Math.round(512 * 0.8);
const art = await sharp(svg, { density: (72 * inner) / 64 })
  .resize(inner, inner)
  .png()
  .toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: BLUE } })
  .composite([{ input: art, gravity: 'centre' }])
  .png()
  .toFile('public/icons/maskable-512.png');

/**
 * Draws the icons, the web manifest's images and the Open Graph card into public/. The drawings are
 * SVG written here (one source); the PNGs are rendered with librsvg's rsvg-convert (Debian:
 * `apt-get install -y librsvg2-bin`) and committed, so neither the build nor the app needs it.
 *
 *   npx tsx scripts/brand-assets.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const publicDir = path.join(import.meta.dirname, "..", "public");
const brand = { 400: "#34d399", 600: "#047857", 800: "#064e3b", ink: "#0b1220" };

/**
 * The mark: a 3×3 grid of GPUs on the brand green, some busy (solid), some idle (faint), drawn on a
 * 64-unit square. `rounded` for browser tabs; the square kind for launchers and iOS, which cut their own
 * shape and need the mark inside the central 80 % (the grid spans 59 %).
 */
function mark(rounded: boolean): string {
  const idle = new Set([1, 3, 8]);
  const cells = Array.from({ length: 9 }, (_, i) => {
    const x = 13 + (i % 3) * 14;
    const y = 13 + Math.floor(i / 3) * 14;
    return `<rect x="${x}" y="${y}" width="10" height="10" rx="2.5" fill="#fff"${idle.has(i) ? ' fill-opacity="0.35"' : ""}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="${rounded ? 14 : 0}" fill="${brand[600]}"/>${cells.join("")}</svg>\n`;
}

/** 1200×630, the size Open Graph and large Twitter cards expect. */
function ogCard(): string {
  const lit = new Set([0, 2, 4, 5, 6, 7, 9, 12, 13, 14, 16, 19, 20, 22, 23]);
  const grid = Array.from({ length: 25 }, (_, i) => {
    const x = 820 + (i % 5) * 62;
    const y = 150 + Math.floor(i / 5) * 62;
    return `<rect x="${x}" y="${y}" width="48" height="48" rx="10" fill="${lit.has(i) ? brand[400] : "#fff"}" fill-opacity="${lit.has(i) ? 0.9 : 0.12}"/>`;
  });
  const font = `font-family="DejaVu Sans, Liberation Sans, sans-serif"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${brand.ink}"/><stop offset="1" stop-color="${brand[800]}"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#bg)"/>
  <g transform="translate(80 80) scale(1.5)">${mark(true).replace(/^<svg[^>]*>|<\/svg>\n$/g, "")}</g>
  <text x="196" y="141" ${font} font-size="56" font-weight="bold" fill="#fff">Idlegrid</text>
  <text x="80" y="300" ${font} font-size="54" font-weight="bold" fill="#fff">Idle GPUs, rented</text>
  <text x="80" y="370" ${font} font-size="54" font-weight="bold" fill="#fff">by the hour.</text>
  <text x="80" y="440" ${font} font-size="54" font-weight="bold" fill="${brand[400]}">Paid in stablecoin.</text>
  <text x="80" y="540" ${font} font-size="28" fill="#cbd5e1">H100 · A100 · L40S · RTX 4090 — escrowed on chain in USDC</text>
  ${grid.join("\n  ")}
</svg>
`;
}

function render(svg: string, size: { width: number; height: number }): Buffer {
  return execFileSync("rsvg-convert", ["--format=png", `--width=${size.width}`, `--height=${size.height}`], {
    input: svg,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** An .ico holding PNG images (every browser since IE Vista reads them): a 6-byte header, 16 bytes per image, the PNGs. */
function ico(pngs: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

const manifest = {
  name: "Idlegrid",
  short_name: "Idlegrid",
  description: "Rent idle GPUs by the hour, paid in stablecoin through an on-chain escrow.",
  start_url: "/",
  display: "standalone",
  background_color: "#ffffff",
  theme_color: brand[600],
  icons: [
    { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};

mkdirSync(publicDir, { recursive: true });
const write = (name: string, data: string | Buffer) => writeFileSync(path.join(publicDir, name), data);
write("icon.svg", mark(true));
write("favicon.ico", ico([16, 32, 48].map((size) => ({ size, png: render(mark(true), { width: size, height: size }) }))));
write("apple-touch-icon.png", render(mark(false), { width: 180, height: 180 }));
write("icon-192.png", render(mark(true), { width: 192, height: 192 }));
write("icon-512.png", render(mark(true), { width: 512, height: 512 }));
write("icon-maskable-512.png", render(mark(false), { width: 512, height: 512 }));
write("og-image.png", render(ogCard(), { width: 1200, height: 630 }));
write("manifest.webmanifest", `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote the icons, the manifest and the Open Graph card to ${publicDir}`);

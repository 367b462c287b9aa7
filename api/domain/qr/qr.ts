import { create } from "qrcode/lib/core/qrcode.js";
import { zlibSync } from "fflate";

/**
 * A QR code for the open link, as SVG (for print) and PNG (for a slide). The symbol comes from
 * the qrcode package; both images are drawn here from its modules, so nothing needs Node's
 * zlib or a canvas and the same code runs on Workers.
 */
const QUIET = 4; // modules of white border the standard asks for

function modules(text: string) {
  const { modules: m } = create(text, { errorCorrectionLevel: "M" });
  return { size: m.size, dark: (x: number, y: number) => !!m.get(y, x) };
}

export function qrSvg(text: string): string {
  const { size, dark } = modules(text);
  const full = size + 2 * QUIET;
  let path = "";
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (dark(x, y)) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges" role="img" aria-label="QR-code">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A black-and-white PNG (8-bit greyscale), `scale` pixels per module. */
export function qrPng(text: string, scale = 8): Uint8Array {
  const { size, dark } = modules(text);
  const px = (size + 2 * QUIET) * scale;
  const raw = new Uint8Array(px * (px + 1)).fill(255);
  for (let row = 0; row < px; row++) {
    raw[row * (px + 1)] = 0; // filter: none
    const y = Math.floor(row / scale) - QUIET;
    for (let col = 0; col < px; col++) {
      const x = Math.floor(col / scale) - QUIET;
      if (x >= 0 && y >= 0 && x < size && y < size && dark(x, y)) raw[row * (px + 1) + 1 + col] = 0;
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, px);
  v.setUint32(4, px);
  ihdr[8] = 8;
  ihdr[9] = 0; // 8-bit greyscale
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlibSync(raw)),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The ZVH's logo arrives as a data URL and is shown on the public survey page. Only what its
 * bytes prove counts (never the declared type alone), and an SVG must be a plain drawing:
 * scripts, event handlers, embedded documents and external references are refused, so that
 * even opened on its own the file can do nothing.
 */
export const LOGO_MAX_BYTES = 64 * 1024;
export type LogoType = "image/png" | "image/jpeg" | "image/svg+xml";

const DATA_URL = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/]+={0,2})$/;

const SVG_REFUSED: [RegExp, string][] = [
  [/<\s*script/i, "een script"],
  [/\son[a-z]+\s*=/i, "een gebeurtenis-attribuut (on…)"],
  [/javascript\s*:/i, "een javascript:-verwijzing"],
  [/<\s*(foreignObject|iframe|embed|object|audio|video|animate|set)\b/i, "ingesloten inhoud"],
  [/<!\s*(DOCTYPE|ENTITY)/i, "een DOCTYPE of ENTITY"],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#)/i, "een verwijzing naar buiten het bestand"],
  [/url\(\s*["']?\s*(?!#)/i, "een verwijzing naar buiten het bestand"],
  [/@import/i, "een verwijzing naar buiten het bestand"],
];

function decodeBase64(b64: string): Uint8Array | null {
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** What the bytes are, whatever the data URL claims. */
export function sniffLogo(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  let head: string;
  try {
    head = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 512));
  } catch {
    return null;
  }
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head) ? "image/svg+xml" : null;
}

/** Null when the logo is acceptable, else a Dutch sentence saying why not. */
export function logoProblem(dataUrl: string): string | null {
  const m = DATA_URL.exec(dataUrl);
  if (!m) return "Een logo is een data-URL van een PNG-, JPEG- of SVG-afbeelding (base64).";
  const bytes = decodeBase64(m[2]);
  if (!bytes?.length) return "Het logo is geen geldige base64.";
  if (bytes.length > LOGO_MAX_BYTES) return `Het logo is groter dan ${LOGO_MAX_BYTES / 1024} kB.`;
  const kind = sniffLogo(bytes);
  if (!kind) return "Het logo is geen PNG-, JPEG- of SVG-afbeelding.";
  if (kind !== m[1]) return `Het logo is een ${kind}, niet het opgegeven ${m[1]}.`;
  if (kind === "image/svg+xml") {
    let svg: string;
    try {
      svg = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return "Het SVG-logo is geen geldige UTF-8-tekst.";
    }
    for (const [pattern, what] of SVG_REFUSED) if (pattern.test(svg)) return `Het SVG-logo bevat ${what}; dat is niet toegestaan.`;
  }
  return null;
}

/**
 * What an evidence file really is, decided from its bytes and its name, never from the type the
 * browser declared. Only documents an auditor opens are kept as what they are; anything else (HTML,
 * SVG, scripts, executables, unknown) is kept as an inert octet stream, so that neither the download
 * nor the evidence pack can make a browser render or run it.
 */

export interface EvidenceKind {
  contentType: string;
  extension: string;
  inert: boolean;
}

export const INERT: EvidenceKind = { contentType: "application/octet-stream", extension: "bin", inert: true };

const kind = (contentType: string, extension: string): EvidenceKind => ({ contentType, extension, inert: false });

/** The allow-list: canonical type per extension. */
export const EVIDENCE_KINDS: Record<string, EvidenceKind> = {
  pdf: kind("application/pdf", "pdf"),
  png: kind("image/png", "png"),
  jpg: kind("image/jpeg", "jpg"),
  jpeg: kind("image/jpeg", "jpg"),
  gif: kind("image/gif", "gif"),
  webp: kind("image/webp", "webp"),
  docx: kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  xlsx: kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  pptx: kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
  odt: kind("application/vnd.oasis.opendocument.text", "odt"),
  ods: kind("application/vnd.oasis.opendocument.spreadsheet", "ods"),
  txt: kind("text/plain", "txt"),
  csv: kind("text/csv", "csv"),
};

/** The types an evidence row may carry and be served as itself. */
export const ALLOWED_TYPES = new Set(Object.values(EVIDENCE_KINDS).map((k) => k.contentType));

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const contains = (bytes: Uint8Array, text: string, limit = 64 * 1024) =>
  new TextDecoder("latin1").decode(bytes.subarray(0, limit)).includes(text);

// Markup that a browser would render as a document if it ever sniffed or guessed HTML, SVG or XML.
const ACTIVE_MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|img|a\s|meta|link|style|\?xml|xsl|math)|javascript:/i;

/** The file's extension in lower case ("" when none). */
export const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1].toLowerCase() ?? "";

/** Whether the bytes are what the extension says, by the format's own signature. */
function matches(ext: string, bytes: Uint8Array): boolean {
  switch (ext) {
    case "pdf":
      return ascii(bytes, 0, 5) === "%PDF-";
    case "png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpg":
    case "jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "gif":
      return ["GIF87a", "GIF89a"].includes(ascii(bytes, 0, 6));
    case "webp":
      return ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP";
    case "docx":
      return isZip(bytes) && contains(bytes, "[Content_Types].xml") && contains(bytes, "word/");
    case "xlsx":
      return isZip(bytes) && contains(bytes, "[Content_Types].xml") && contains(bytes, "xl/");
    case "pptx":
      return isZip(bytes) && contains(bytes, "[Content_Types].xml") && contains(bytes, "ppt/");
    // An ODF package stores its type uncompressed as the first entry, "mimetype".
    case "odt":
      return isZip(bytes) && ascii(bytes, 30, 38) === "mimetype" && contains(bytes, "application/vnd.oasis.opendocument.text", 200);
    case "ods":
      return isZip(bytes) && ascii(bytes, 30, 38) === "mimetype" && contains(bytes, "application/vnd.oasis.opendocument.spreadsheet", 200);
    case "txt":
    case "csv":
      return isPlainText(bytes);
    default:
      return false;
  }
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/** UTF-8 text without NUL or other binary control characters, and without markup a browser would render. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) && !ACTIVE_MARKUP.test(text);
}

/** The kind an evidence file is kept as: its allow-listed type when the bytes fit the name, inert otherwise. */
export function classifyEvidence(bytes: Uint8Array, filename: string): EvidenceKind {
  const ext = extensionOf(filename);
  const known = EVIDENCE_KINDS[ext];
  return known && matches(ext, bytes) ? known : INERT;
}

/** The extension under which a stored evidence file may appear in a pack: its own kind's, or .bin. */
export function packExtension(contentType: string): string {
  return Object.values(EVIDENCE_KINDS).find((k) => k.contentType === contentType)?.extension ?? INERT.extension;
}

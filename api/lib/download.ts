/**
 * Content-Disposition for a download (RFC 6266), with the real name in filename* (RFC 5987, UTF-8)
 * and a plain ASCII fallback for old clients: a header value may not hold characters above U+00FF.
 */
export function attachment(filename: string): string {
  const fallback =
    filename
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]|["\\%;]/g, "_")
      .trim() || "bestand";
  // encodeURIComponent leaves ! ' ( ) * as they are; RFC 5987 allows ! but not the others.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

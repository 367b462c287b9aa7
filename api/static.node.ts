import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Context, MiddlewareHandler } from "hono";
import { getMimeType } from "hono/utils/mime";

/**
 * Serves the built front ends with the `.br`/`.gz` files written at build time
 * (scripts/build/precompress.ts): nothing is compressed per request.
 */
export type Encoding = "br" | "gzip";
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };
const PREFERENCE: Encoding[] = ["br", "gzip"];
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".map", ".webmanifest"]);

export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The encoding to send, after RFC 9110 §12.5.3: q-values count, `q=0` refuses, `*` stands for
 * any encoding not named; among equal q-values brotli wins (smaller). Null: send the file as is.
 */
export function negotiateEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    if (Number.isFinite(weight)) q.set(token.trim(), Math.min(1, Math.max(0, weight)));
  }
  let best: Encoding | null = null,
    bestQ = 0;
  for (const enc of PREFERENCE) {
    if (!available.includes(enc)) continue;
    const weight = q.get(enc) ?? (enc === "gzip" ? q.get("x-gzip") : undefined) ?? q.get("*") ?? 0;
    if (weight > bestQ) {
      best = enc;
      bestQ = weight;
    }
  }
  return best;
}

interface Variant {
  body: Buffer;
  etag: string;
}
interface Entry {
  mtimeMs: number;
  size: number;
  type: string;
  variants: Partial<Record<Encoding | "identity", Variant>>;
}

/**
 * Files are read once and kept (the built front ends are a handful of files); a rebuilt file
 * (new mtime or size) is read again.
 */
const cache = new Map<string, Entry>();

async function load(path: string): Promise<Entry | null> {
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) return null;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
  const tag = `${st.size.toString(36)}-${Math.trunc(st.mtimeMs).toString(36)}`;
  const entry: Entry = {
    mtimeMs: st.mtimeMs,
    size: st.size,
    type: getMimeType(path) ?? "application/octet-stream",
    variants: { identity: { body: await readFile(path), etag: `"${tag}"` } },
  };
  if (COMPRESSIBLE.has(extname(path))) {
    for (const enc of PREFERENCE) {
      const body = await readFile(path + SUFFIX[enc]).catch(() => null);
      if (body) entry.variants[enc] = { body, etag: `"${tag}-${enc}"` };
    }
  }
  cache.set(path, entry);
  return entry;
}

function respond(c: Context, entry: Entry, cacheControl: string) {
  const available = PREFERENCE.filter((e) => entry.variants[e]);
  const encoding = negotiateEncoding(c.req.header("accept-encoding"), available);
  const variant = entry.variants[encoding ?? "identity"]!;
  const headers: Record<string, string> = { "Content-Type": entry.type, "Cache-Control": cacheControl, ETag: variant.etag };
  // Whenever another encoding exists, the answer depends on Accept-Encoding, also when sent as is.
  if (COMPRESSIBLE.has(extname(c.req.path)) || available.length) headers.Vary = "Accept-Encoding";
  if (encoding) headers["Content-Encoding"] = encoding;
  const inm = c.req.header("if-none-match");
  if (inm?.split(",").some((t) => t.trim().replace(/^W\//, "") === variant.etag)) return c.body(null, 304, headers);
  headers["Content-Length"] = String(variant.body.length);
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  return c.body(variant.body as Uint8Array<ArrayBuffer>, 200, headers);
}

/** One fixed file (an index.html): always revalidated, never cached blindly, since it names the current assets. */
export function serveFile(path: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const entry = await load(path);
    return entry ? respond(c, entry, "no-cache") : next();
  };
}

/**
 * A directory of hashed build assets under a URL prefix: cached for a year as immutable,
 * since a changed file gets a new name. Paths outside `root` are never served.
 */
export function serveAssets(prefix: string, root: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return c.text("Niet gevonden.", 404);
    }
    const base = normalize(root);
    const path = normalize(join(base, rel));
    if (rel.includes("\0") || !path.startsWith(base.endsWith(sep) ? base : base + sep)) return c.text("Niet gevonden.", 404);
    const entry = await load(path);
    // A missing asset is a 404, never the index page: a stale page asking for an old chunk must not get HTML as script.
    return entry ? respond(c, entry, IMMUTABLE) : c.text("Niet gevonden.", 404, { "Cache-Control": "no-store" });
  };
}

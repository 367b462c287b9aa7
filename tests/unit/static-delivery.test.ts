import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { IMMUTABLE, negotiateEncoding, serveAssets, serveFile } from "../../api/static.node.ts";
import { precompressDir } from "../../scripts/build/precompress.ts";

describe("negotiateEncoding", () => {
  const both = ["br", "gzip"] as const;
  it.each([
    [undefined, null],
    ["", null],
    ["identity", null],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["GZIP", "gzip"],
    ["x-gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["br;q=1.0, gzip;q=1.0", "br"],
    ["*", "br"],
    ["*;q=0", null],
    ["gzip;q=0, *", "br"],
    ["br;q=0, gzip;q=0", null],
    ["deflate", null],
  ] as const)("%s -> %s", (header, expected) => {
    expect(negotiateEncoding(header, [...both])).toBe(expected);
  });
  it("only offers what exists", () => {
    expect(negotiateEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(negotiateEncoding("br", ["gzip"])).toBe(null);
  });
});

describe("serving the built front ends", () => {
  let dir = "";
  const js = `export const x = ${JSON.stringify("abc ".repeat(3000))};\n`;
  const html = `<!doctype html><title>t</title>${"<p>hallo</p>".repeat(200)}`;
  let app: Hono;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ks-static-"));
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "assets", "index-abc123.js"), js);
    await writeFile(join(dir, "assets", "logo-abc123.png"), Buffer.alloc(2048, 7));
    await writeFile(join(dir, "index.html"), html);
    const total = await precompressDir(dir);
    expect(total.files).toBe(2); // the png is left alone
    app = new Hono();
    app.use("/assets/*", serveAssets("/assets/", join(dir, "assets")));
    app.get("*", serveFile(join(dir, "index.html")));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

  it("sends brotli to a browser, immutable and varying by Accept-Encoding", async () => {
    const res = await get("/assets/index-abc123.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    expect(body.length).toBeLessThan(js.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(js);
  });

  it("sends gzip when brotli is refused, and the plain file without Accept-Encoding (still with Vary)", async () => {
    const gz = await get("/assets/index-abc123.js", { "accept-encoding": "br;q=0, gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(js);
    const plain = await get("/assets/index-abc123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    expect(await plain.text()).toBe(js);
  });

  it("revalidates index.html (no-cache) and answers 304 to a matching ETag per encoding", async () => {
    const res = await get("/s/abc", { "accept-encoding": "br" });
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(html);
    const etag = res.headers.get("etag")!;
    expect((await get("/s/abc", { "accept-encoding": "br", "if-none-match": etag })).status).toBe(304);
    // The gzip variant has its own tag: a cached brotli body never answers a gzip request.
    expect((await get("/s/abc", { "accept-encoding": "gzip", "if-none-match": etag })).status).toBe(200);
  });

  it("leaves images uncompressed, and answers 404 for a missing asset or a path outside the directory", async () => {
    const png = await get("/assets/logo-abc123.png", { "accept-encoding": "br" });
    expect(png.headers.get("content-encoding")).toBeNull();
    expect(png.headers.get("content-type")).toBe("image/png");
    expect((await get("/assets/index-old999.js")).status).toBe(404);
    expect((await get("/assets/..%2Findex.html")).status).toBe(404);
    expect((await get("/assets/%E0%A4%A")).status).toBe(404);
  });

  it("answers HEAD without a body", async () => {
    const res = await app.request("/assets/index-abc123.js", { method: "HEAD", headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});

import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What is worth compressing: text formats only; images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this, headers cost more than the bytes saved. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file under `dir`, at the
 * highest levels: it runs once per build, so the server never compresses on a request.
 */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; br: number; gz: number }> {
  const total = { files: 0, bytes: 0, br: 0, gz: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        const body = await readFile(path);
        if (body.length < MIN_BYTES) return;
        const [b, g] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          }),
          gz(body, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${path}.br`, b), writeFile(`${path}.gz`, g)]);
        total.files++;
        total.bytes += body.length;
        total.br += b.length;
        total.gz += g.length;
      }),
  );
  return total;
}

/** A vite plugin: precompresses the output directory after each `vite build`. */
export function precompress() {
  let outDir = "";
  return {
    name: "ketenspiegel-precompress",
    apply: "build" as const,
    configResolved(config: { build: { outDir: string } }) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (!outDir || !(await stat(outDir).catch(() => null))) return;
      await precompressDir(outDir);
    },
  };
}

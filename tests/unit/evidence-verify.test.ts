import { describe, expect, it } from "vitest";
import { strToU8, unzipSync, zipSync } from "fflate";
import { ZipWriter } from "../../api/domain/packs/zip.ts";
import { BAGIT_TXT, bagInfoText, manifestText, MANIFEST, TAG_MANIFEST } from "../../api/domain/packs/bagit.ts";
import { generateKeyPair, SIGNATURE_FILE, signatureFile, type KeyPairText } from "../../api/domain/packs/signature.ts";
import { filenameFrom, sha256Hex, verifyPackBytes } from "../../dashboard/src/features/evidence/verify.ts";

const STAMP = new Date("2025-12-31T23:59:59Z");
const PAYLOAD: [string, string][] = [
  ["data/10.2-afwijkingen/verslag.pdf", "%PDF-1.7 stand-in"],
  ["data/6.1-risicos/risicos.csv", "ref;titel\nR-001;Uitval\n"],
  ["data/index.html", "<!doctype html><title>Bewijspakket</title>"],
];

/** A pack as the server writes it (same writer, manifests and signature, in the same order as writePack). */
async function serverPack(key: KeyPairText): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = new ZipWriter((c) => {
    parts.push(c.slice());
  }, STAMP);
  const tags = [];
  tags.push(
    await zip.add(
      "bag-info.txt",
      bagInfoText([
        ["Period-From", "2025-01-01"],
        ["Period-To", "2025-12-31"],
      ]),
    ),
  );
  tags.push(await zip.add("bagit.txt", BAGIT_TXT));
  const payload = [];
  for (const [path, text] of PAYLOAD) payload.push(await zip.add(path, text));
  tags.push(await zip.add(MANIFEST, manifestText(payload)));
  const tagManifest = manifestText(tags);
  await zip.add(TAG_MANIFEST, tagManifest);
  await zip.add(SIGNATURE_FILE, await signatureFile(key, tagManifest));
  await zip.finish();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The pack unzipped, changed by `edit`, and zipped again (as someone with an archive tool would). */
function rezip(pack: Uint8Array, edit: (files: Record<string, Uint8Array>) => void) {
  const files = unzipSync(pack);
  edit(files);
  return zipSync(files);
}

describe("verifyPackBytes: the browser's check of an evidence pack", () => {
  it("finds a pack made by the server intact, signed by the expected key, and reads its bag-info", async () => {
    const key = await generateKeyPair();
    const progress: number[] = [];
    const v = await verifyPackBytes(await serverPack(key), key.fingerprint, (done) => progress.push(done));
    expect(v).toMatchObject({ ok: true, unreadable: false, changed: [], missing: [], extra: [], problems: [] });
    expect(v.verified).toBe(PAYLOAD.length + 3); // payload plus bag-info, bagit and the payload manifest
    expect(v.signature).toEqual({ status: "valid", fingerprint: key.fingerprint, trusted: true });
    expect(v.info["Period-To"]).toBe("2025-12-31");
    expect(progress.at(-1)).toBe(PAYLOAD.length + 5);
  });

  it("names a changed, a missing and an extra file", async () => {
    const key = await generateKeyPair();
    const pack = rezip(await serverPack(key), (f) => {
      f["data/6.1-risicos/risicos.csv"] = strToU8("ref;titel\nR-001;Anders\n");
      delete f["data/index.html"];
      f["data/erbij.txt"] = strToU8("niet van de server");
    });
    const v = await verifyPackBytes(pack, key.fingerprint);
    expect(v.ok).toBe(false);
    expect(v.changed).toEqual(["data/6.1-risicos/risicos.csv"]);
    expect(v.missing).toEqual(["data/index.html"]);
    expect(v.extra).toEqual(["data/erbij.txt"]);
    // The signature itself still fits the (unchanged) tag manifest; the files do not fit the manifest.
    expect(v.signature.status).toBe("valid");
  });

  it("reports a bad signature when the file and both manifests were re-hashed", async () => {
    const key = await generateKeyPair();
    // Change a file and re-hash both manifests as a forger would, keeping the old signature file.
    const files = unzipSync(await serverPack(key));
    files["data/6.1-risicos/risicos.csv"] = strToU8("ref;titel\nR-001;Vervalst\n");
    const payload = await Promise.all(
      Object.keys(files)
        .filter((p) => p.startsWith("data/"))
        .map(async (path) => ({ path, sha256: await sha256Hex(files[path]) })),
    );
    files[MANIFEST] = strToU8(manifestText(payload));
    const tags = await Promise.all(
      ["bag-info.txt", "bagit.txt", MANIFEST].map(async (path) => ({ path, sha256: await sha256Hex(files[path]) })),
    );
    files[TAG_MANIFEST] = strToU8(manifestText(tags));
    const v = await verifyPackBytes(zipSync(files), key.fingerprint);
    expect(v.changed).toEqual([]); // every hash fits now...
    expect(v.signature.status).toBe("invalid"); // ...but the signature does not
    expect(v.ok).toBe(false);
  });

  it("reports a pack re-signed with another key as valid but not this instance's", async () => {
    const key = await generateKeyPair();
    const forger = await generateKeyPair();
    const v = await verifyPackBytes(await serverPack(forger), key.fingerprint);
    expect(v.signature).toEqual({ status: "valid", fingerprint: forger.fingerprint, trusted: false });
    // Without the instance's fingerprint nobody can say whose key it should be.
    expect((await verifyPackBytes(await serverPack(forger))).signature.trusted).toBeUndefined();
  });

  it("reports an unsigned pack and a file that is no ZIP", async () => {
    const key = await generateKeyPair();
    const unsigned = rezip(await serverPack(key), (f) => {
      delete f[SIGNATURE_FILE];
    });
    const v = await verifyPackBytes(unsigned, key.fingerprint);
    expect(v).toMatchObject({ ok: false, signature: { status: "missing" }, changed: [], missing: [] });
    expect(await verifyPackBytes(strToU8("geen zip"))).toMatchObject({ ok: false, unreadable: true });
  });
});

describe("filenameFrom", () => {
  it("prefers filename*, keeps only the last segment and falls back", () => {
    expect(filenameFrom(`attachment; filename="bewijspakket.zip"; filename*=UTF-8''bewijs%E2%80%93pakket.zip`, "x.zip")).toBe(
      "bewijs–pakket.zip",
    );
    expect(filenameFrom(`attachment; filename="../../etc/pakket.zip"`, "x.zip")).toBe("pakket.zip");
    expect(filenameFrom(null, "x.zip")).toBe("x.zip");
  });
});

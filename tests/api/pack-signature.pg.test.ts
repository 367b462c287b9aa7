import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { testApp } from "../helpers/app.ts";
import { sha256Bytes } from "../../api/lib/crypto.ts";
import { manifestText, parseManifest, verifyBagZip, verifyPack } from "../../api/domain/packs/bagit.ts";
import { memorySource } from "../../api/domain/packs/zip.ts";
import { SIGNATURE_FILE } from "../../api/domain/packs/signature.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let pack: Uint8Array;
let fingerprint = "";

beforeAll(async () => {
  t = await testApp({ now: new Date("2026-02-10T10:00:00Z") });
  // The key is made on first use: parallel first uses must agree on one key.
  const first = await Promise.all(
    Array.from({ length: 8 }, async () => (await (await t.request("/api/evidence-pack/key")).json()) as { fingerprint: string }),
  );
  expect(new Set(first.map((k) => k.fingerprint)).size).toBe(1);
  await t.request("/api/findings", {
    method: "POST",
    json: {
      source: "other",
      title: "Observatie",
      description: "x",
      classification: "observation",
      clauses: ["7.5"],
      foundOn: "2026-01-05",
    },
  });
  const res = await t.request("/api/evidence-pack?from=2026-01-01&to=2026-01-31&clauses=7.5,10.2");
  expect(res.status).toBe(200);
  pack = new Uint8Array(await res.arrayBuffer());
  const key = await t.request("/api/evidence-pack/key", { as: "auditor" });
  expect(key.status).toBe(200);
  ({ fingerprint } = (await key.json()) as { fingerprint: string });
});
afterAll(async () => {
  await t.close();
});

describe("signed evidence packs", () => {
  it("publishes the instance's public key, the same on every call, never the private key", async () => {
    const body = (await (await t.request("/api/evidence-pack/key")).json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(["algorithm", "fingerprint", "publicKey"]);
    expect(body).toMatchObject({ algorithm: "Ed25519", fingerprint });
    expect(body.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // Public: an auditor without an account compares a pack's key with it on the verify page.
    expect((await t.request("/api/evidence-pack/key", { as: "gemeente" })).status).toBe(200);
    expect((await t.request("/api/evidence-pack/key", { as: "anonymous" })).status).toBe(200);
  });

  it("signs the tag manifest with the instance key, reproducibly", async () => {
    const report = await verifyPack(memorySource(pack), fingerprint);
    expect(report.bag.ok).toBe(true);
    expect(report.signature).toMatchObject({ status: "valid", trusted: true, fingerprint });
    expect(report.ok).toBe(true);
    const again = new Uint8Array(
      await (await t.request("/api/evidence-pack?from=2026-01-01&to=2026-01-31&clauses=7.5,10.2")).arrayBuffer(),
    );
    expect(sha256Bytes(again)).toBe(sha256Bytes(pack));
  });

  it("fails when a file is altered and both manifests are re-hashed", async () => {
    const files = unzipSync(pack);
    const target = Object.keys(files).find((p) => p.startsWith("data/") && p.endsWith(".csv"))!;
    files[target] = strToU8(`${strFromU8(files[target])}vervalst;record\r\n`);
    // Re-hash the payload manifest, then the tag manifest, as a careful forger would.
    const payload = parseManifest(strFromU8(files["manifest-sha256.txt"])).entries;
    payload.set(target, sha256Bytes(files[target]));
    files["manifest-sha256.txt"] = strToU8(manifestText([...payload].map(([path, sha256]) => ({ path, sha256 }))));
    const tags = parseManifest(strFromU8(files["tagmanifest-sha256.txt"])).entries;
    for (const name of tags.keys()) tags.set(name, sha256Bytes(files[name]));
    files["tagmanifest-sha256.txt"] = strToU8(manifestText([...tags].map(([path, sha256]) => ({ path, sha256 }))));
    const forged = zipSync(files);
    expect((await verifyBagZip(memorySource(forged))).ok).toBe(true); // the manifests alone are fooled
    const report = await verifyPack(memorySource(forged), fingerprint);
    expect(report.ok).toBe(false);
    expect(report.signature.status).toBe("invalid");
    expect(report.signature.message).toContain("klopt NIET");
    // Dropping the signature does not help either.
    const { [SIGNATURE_FILE]: _gone, ...unsigned } = files;
    expect((await verifyPack(memorySource(zipSync(unsigned)), fingerprint)).signature.status).toBe("missing");
  });
});

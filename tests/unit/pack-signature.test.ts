import { describe, expect, it } from "vitest";
import { generateKeyPair, keyFingerprint, signatureFile, verifySignature } from "../../api/domain/packs/signature.ts";

const MANIFEST = `${"aa".repeat(32)}  bag-info.txt\n${"bb".repeat(32)}  manifest-sha256.txt\n`;

describe("Ed25519 signature over the tag manifest", () => {
  it("verifies, names the key by its fingerprint, and says whether it is the trusted one", async () => {
    const key = await generateKeyPair();
    expect(key.fingerprint).toBe(await keyFingerprint(key.publicKey));
    const sig = await signatureFile(key, MANIFEST);
    expect(sig).toBe(await signatureFile(key, MANIFEST)); // deterministic, so packs stay reproducible
    const ok = await verifySignature(MANIFEST, sig, key.fingerprint);
    expect(ok).toMatchObject({ status: "valid", fingerprint: key.fingerprint, trusted: true });
    expect(ok.message).toContain("sleutel van deze installatie");
    const other = await generateKeyPair();
    expect(await verifySignature(MANIFEST, sig, other.fingerprint)).toMatchObject({ status: "valid", trusted: false });
    expect((await verifySignature(MANIFEST, sig, other.fingerprint)).message).toContain("NIET de sleutel van deze installatie");
  });

  it("fails when the manifest changed, the signature is missing or forged, or the key was swapped", async () => {
    const key = await generateKeyPair();
    const sig = await signatureFile(key, MANIFEST);
    expect((await verifySignature(MANIFEST.replace("aa", "ab"), sig)).status).toBe("invalid");
    expect((await verifySignature(MANIFEST, undefined)).status).toBe("missing");
    expect((await verifySignature(undefined, sig)).status).toBe("invalid");
    expect((await verifySignature(MANIFEST, sig.replace(/Signature: .*/, "Signature: AAAA"))).status).toBe("invalid");
    expect((await verifySignature(MANIFEST, "rommel")).status).toBe("invalid");
    // Someone who re-signs with their own key gets a valid signature, but not from this instance.
    const forger = await generateKeyPair();
    const forged = await signatureFile(forger, MANIFEST.replace("aa", "ab"));
    expect(await verifySignature(MANIFEST.replace("aa", "ab"), forged, key.fingerprint)).toMatchObject({ status: "valid", trusted: false });
    // A file that claims the instance's fingerprint but carries another key: the fingerprint is computed, never believed.
    const lying = forged.replace(/Key-Fingerprint: .*/, `Key-Fingerprint: ${key.fingerprint}`);
    expect(await verifySignature(MANIFEST.replace("aa", "ab"), lying, key.fingerprint)).toMatchObject({ status: "valid", trusted: false });
  });
});

import { describe, expect, it } from "vitest";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { randomBytes, randomHex, randomToken, sha256Bytes, sha256Hex } from "../../api/lib/crypto.ts";

describe("random values", () => {
  it("hands out every byte of the page once: tokens across many pages are all different", () => {
    const tokens = new Set<string>();
    // 20 bytes each: a page of 4096 bytes ends inside a token every few hundred tokens.
    for (let i = 0; i < 5000; i++) tokens.add(randomToken());
    expect(tokens.size).toBe(5000);
    for (const t of [...tokens].slice(0, 50)) expect(t).toMatch(/^[a-z2-7]{32}$/);
  });

  it("gives the requested length, also beyond a page", () => {
    expect(randomBytes(1)).toHaveLength(1);
    expect(randomBytes(4096)).toHaveLength(4096);
    expect(randomBytes(10_000)).toHaveLength(10_000);
    expect(randomHex(32)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("returns copies, so a caller cannot change what another was given", () => {
    const a = randomBytes(16);
    const b = randomBytes(16);
    const before = [...b];
    a.fill(0);
    expect([...b]).toEqual(before);
  });

  it("is not one constant byte (a page that was never filled)", () => {
    const bytes = randomBytes(4000);
    expect(new Set(bytes).size).toBeGreaterThan(200);
  });
});

describe("sha256", () => {
  it("gives the published digests", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("hashes every text exactly as the stored hashes were made (UTF-8, a lone surrogate as U+FFFD)", () => {
    const earlier = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
    for (const text of ["é ‘wij’ 😀", "\ud800 alleen", "x".repeat(5000), '{"a":1,"b":"\\u0000"}']) {
      expect(sha256Hex(text)).toBe(earlier(text));
    }
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(sha256Bytes(bytes)).toBe(encodeHexLowerCase(sha256(bytes)));
  });
});

import { describe, expect, it } from "vitest";
import { PRODUCTION_PARAMS, pureScrypt, scryptHasher, TEST_PARAMS } from "../../api/domain/auth/password.ts";
import { nativeScrypt } from "../../api/lib/scrypt.node.ts";

describe("password hashing", () => {
  it("uses OWASP's scrypt parameters in production, natively on Node and in pure JavaScript alike", async () => {
    const native = scryptHasher(PRODUCTION_PARAMS, nativeScrypt);
    const hash = await native.hash("Een lange zin als wachtwoord");
    expect(hash).toMatch(/^scrypt\$16384\$8\$5\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    // Both runtimes verify the same stored format: Workers has only the pure version.
    const pure = scryptHasher(PRODUCTION_PARAMS, pureScrypt);
    expect(await pure.verify(hash, "Een lange zin als wachtwoord")).toBe(true);
    expect(await native.verify(hash, "Een lange zin als wachtwoord")).toBe(true);
    expect(await native.verify(hash, "een lange zin als wachtwoord")).toBe(false);
    expect(native.dummyHash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(await native.verify(native.dummyHash, "")).toBe(false);
  });

  it("verifies a hash made with other parameters, so they can be raised later", async () => {
    const cheap = await scryptHasher(TEST_PARAMS, nativeScrypt).hash("wachtwoord met oude kosten");
    expect(await scryptHasher(PRODUCTION_PARAMS, nativeScrypt).verify(cheap, "wachtwoord met oude kosten")).toBe(true);
  });

  it("normalises Unicode, so the same password typed on another keyboard still matches", async () => {
    const hasher = scryptHasher(TEST_PARAMS, nativeScrypt);
    const hash = await hasher.hash("Cafe\u0301 aan de gracht");
    expect(await hasher.verify(hash, "Caf\u00e9 aan de gracht")).toBe(true);
  });

  it("treats malformed or absurdly expensive stored hashes as wrong, without throwing", async () => {
    const hasher = scryptHasher(TEST_PARAMS, nativeScrypt);
    for (const bad of ["", "bcrypt$x", "scrypt$16$8$1$!!$!!", `scrypt$${2 ** 30}$8$1$AAAA$AAAA`, "scrypt$16$8$1$$"]) {
      expect(await hasher.verify(bad, "wat dan ook"), bad).toBe(false);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.ts";
import { testApp } from "../helpers/app.ts";
import type { Db } from "../../db/types.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe("web hardening", () => {
  it("sends a strict CSP and the other security headers", async () => {
    const res = await t.request("/api/health", { as: "anonymous" });
    const csp = res.headers.get("content-security-policy")!;
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const local = createApp({ db: t.db, config: { publicUrl: "http://localhost:8787", now: () => t.clock.now, version: "test" } });
    expect((await local.request("/api/health")).headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS and Secure cookies outside localhost", async () => {
    const app = createApp({ db: t.db, config: { publicUrl: "https://ketenspiegel.zvh-nhn.nl", now: () => t.clock.now, version: "test" } });
    const res = await app.request("/api/health");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "ks_session=ongeldig", origin: "https://ketenspiegel.zvh-nhn.nl" },
      body: JSON.stringify({ email: "niemand@zvh.test", password: "x".repeat(12) }),
    });
    expect(login.headers.get("set-cookie")).toMatch(/Secure/); // the stale cookie is cleared securely
  });

  it("never leaks stack traces or SQL in a 500", async () => {
    const broken = {
      execute: () => {
        throw new Error('relation "geheim" does not exist at select * from geheim');
      },
    } as unknown as Db;
    const app = createApp({ db: broken, config: { publicUrl: "http://localhost", now: () => new Date(), version: "test" } });
    const original = console.error;
    console.error = () => {};
    try {
      const res = await app.request("/api/health");
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
      expect(text).not.toMatch(/geheim|select|at \w+ \(/);
    } finally {
      console.error = original;
    }
  });

  it("rejects oversized bodies with 413 JSON", async () => {
    const res = await t.request("/api/auth/login", {
      method: "POST",
      as: "anonymous",
      json: { email: "a@b.nl", password: "x".repeat(300_000) },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("uses unguessable tokens of at least 128 bits for partners", async () => {
    const res = await t.request(`/api/waves/${t.wave.id}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "GGD Hollands Noorden", organisationType: "zorg" }] },
    });
    const { invitations } = (await res.json()) as { invitations: { token: string }[] };
    expect(invitations[0].token).toMatch(/^[a-z2-7]{32}$/); // 32 base32 chars = 160 bits
  });
});

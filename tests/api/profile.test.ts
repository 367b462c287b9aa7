import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { auditLog, settings } from "../../db/schema.ts";
import { LOGO_MAX_BYTES, logoProblem, sniffLogo } from "../../api/domain/profile/logo.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1f5f8b"/></svg>';

const profile = (over: Record<string, unknown> = {}) => ({
  name: "Zorg- en Veiligheidshuis Noord-Holland Noord",
  logo: `data:image/svg+xml;base64,${b64(SVG)}`,
  contact: { name: "Anne de Vries", email: "kwaliteit@zvhnhn.nl", phone: "072 527 00 00" },
  privacy: {
    nl: "Uw antwoorden zijn anoniem en worden alleen gebruikt om de samenwerking te verbeteren.",
    en: "Your answers are anonymous.",
  },
  ...over,
});

describe("the ZVH profile", () => {
  it("is public: the survey page reads it without a login, with defaults before anything was saved", async () => {
    const res = await t.request("/api/profile", { as: "anonymous" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.name).toBe("Zorg- en Veiligheidshuis");
    expect(body.logo).toBeNull();
    expect(body.privacy.nl.length).toBeGreaterThan(10);
  });

  it("is saved by kwaliteit, audited, and then what the public sees", async () => {
    const res = await t.request("/api/profile", { method: "PUT", json: profile() });
    expect(res.status).toBe(200);
    const pub = await (await t.request("/api/profile", { as: "anonymous" })).json();
    expect(pub).toEqual(profile());
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entity, "zvh_profile"));
    expect(entry.action).toBe("update");
    expect(entry.actor).toBe("kwaliteit@test.local");
    expect((entry.after as { name: string; logo: string }).name).toBe("Zorg- en Veiligheidshuis Noord-Holland Noord");
    // A fingerprint of the image, not the image, goes into the trail.
    expect((entry.after as { logo: string }).logo).toMatch(/^image\/svg\+xml, \d+ tekens$/);
  });

  it("may be changed by admin and kwaliteit only", async () => {
    for (const as of ["management", "auditor", "medewerker", "gemeente"] as const) {
      expect((await t.request("/api/profile", { method: "PUT", json: profile(), as })).status, as).toBe(403);
    }
    expect((await t.request("/api/profile", { method: "PUT", json: profile(), as: "anonymous" })).status).toBe(401);
    expect((await t.request("/api/profile", { method: "PUT", json: profile({ name: "Beheerder ZVH" }), as: "admin" })).status).toBe(200);
  });

  it("refuses a bad logo or hostile text with a 400 naming the field, and stores nothing", async () => {
    const before = await t.db.select().from(settings).where(eq(settings.key, "profile"));
    const trail = (await t.db.select().from(auditLog)).length;
    const bad: [string, Record<string, unknown>][] = [
      ["logo", { logo: `data:image/svg+xml;base64,${b64('<svg onload="alert(1)"></svg>')}` }],
      ["logo", { logo: `data:image/svg+xml;base64,${b64("<svg><script>alert(1)</script></svg>")}` }],
      ["logo", { logo: `data:image/svg+xml;base64,${b64('<svg><image href="https://evil.example/x.png"/></svg>')}` }],
      ["logo", { logo: `data:image/png;base64,${b64("<html><script>alert(1)</script></html>")}` }],
      ["logo", { logo: `data:image/png;base64,${b64(SVG)}` }],
      ["logo", { logo: `data:text/html;base64,${b64("<b>x</b>")}` }],
      ["logo", { logo: `data:image/png;base64,${b64(new Uint8Array([...PNG, ...new Uint8Array(LOGO_MAX_BYTES)]))}` }],
      ["name", { name: "ZVH\u0007NHN" }],
      ["contact.email", { contact: { name: "A", email: "geen adres", phone: "" } }],
      ["contact.phone", { contact: { name: "A", email: "a@b.nl", phone: "<script>" } }],
      ["privacy.nl", { privacy: { nl: "kort", en: "" } }],
    ];
    for (const [field, over] of bad) {
      const res = await t.request("/api/profile", { method: "PUT", json: profile({ name: "Niet bewaard", ...over }) });
      expect(res.status, field).toBe(400);
      const body = await res.json();
      expect(JSON.stringify(body.error), field).toContain(field);
    }
    expect(await t.db.select().from(settings).where(eq(settings.key, "profile"))).toEqual(before);
    expect((await t.db.select().from(auditLog)).length).toBe(trail);
  });
});

describe("logo sniffing", () => {
  it("goes by the bytes, not the declared type", () => {
    expect(sniffLogo(PNG)).toBe("image/png");
    expect(sniffLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffLogo(new TextEncoder().encode(`<?xml version="1.0"?>\n${SVG}`))).toBe("image/svg+xml");
    expect(sniffLogo(new TextEncoder().encode("<html></html>"))).toBeNull();
    expect(logoProblem(`data:image/png;base64,${b64(PNG)}`)).toBeNull();
    expect(logoProblem(`data:image/svg+xml;base64,${b64('<svg><a href="#x"><use href="#y"/></a></svg>')}`)).toBeNull();
    expect(logoProblem(`data:image/svg+xml;base64,${b64('<svg><a href="javascript:alert(1)">x</a></svg>')}`)).not.toBeNull();
  });
});

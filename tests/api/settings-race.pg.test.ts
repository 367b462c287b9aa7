import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { testApp } from "../helpers/app.ts";
import { auditLog } from "../../db/schema.ts";
import { DEFAULT_REGISTRY_SETTINGS } from "../../api/registry/settings.service.ts";
import { DEFAULT_RISK_MATRIX } from "../../api/domain/risks/matrix.ts";

/**
 * A setting replaced by several requests at once, from its very first write on, on the engine
 * of the vitest project: each audit entry's "before" is exactly what that write replaced, so
 * the trail reads as one chain of states (ISO 9001 evidence of who changed what from what).
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const ROUNDS = 3;
const AT_ONCE = 4;

async function expectChain(entity: string, path: string, body: (n: number) => unknown, method = "PUT", entityId?: string) {
  for (let round = 0; round < ROUNDS; round++) {
    const puts = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) => t.request(path, { method, as: "kwaliteit", json: body(round * AT_ONCE + i) })),
    );
    expect(puts.map((r) => r.status)).toEqual(Array(AT_ONCE).fill(200));
  }
  const entries = (await t.db
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, "update"), entityId ? eq(auditLog.entityId, entityId) : undefined))
    .orderBy(asc(auditLog.seq))) as { before: unknown; after: unknown }[];
  expect(entries).toHaveLength(ROUNDS * AT_ONCE);
  for (let i = 1; i < entries.length; i++) expect(entries[i].before, `${entity} entry ${i}`).toEqual(entries[i - 1].after);
}

describe("settings replaced by requests at once", () => {
  it("the ZVH profile: each entry's before is what it replaced", async () => {
    await expectChain("zvh_profile", "/api/profile", (n) => ({
      name: `Zorg- en Veiligheidshuis ${n}`,
      logo: null,
      contact: { name: "Anne de Vries", email: "kwaliteit@zvhnhn.nl", phone: "072 527 00 00" },
      privacy: { nl: `Privacytekst ${n}.`, en: "" },
    }));
  });

  it("the registry settings: each entry's before is what it replaced", async () => {
    await expectChain("registry_settings", "/api/registry/settings", (n) => ({
      ...DEFAULT_REGISTRY_SETTINGS,
      organisationName: `Zorg- en Veiligheidshuis ${n}`,
    }));
  });

  it("the risk matrix: each entry's before is what it replaced", async () => {
    await expectChain("risk_matrix", "/api/risks/matrix", (n) => ({
      ...DEFAULT_RISK_MATRIX,
      likelihood: DEFAULT_RISK_MATRIX.likelihood.map((l) => `${l} ${n}`),
    }));
  });

  it("a wave's settings: each entry's before is what it replaced", async () => {
    await expectChain("wave", `/api/waves/${t.wave.id}/settings`, (n) => ({ contactPerson: `Contactpersoon ${n}` }), "PATCH", t.wave.id);
  });
});

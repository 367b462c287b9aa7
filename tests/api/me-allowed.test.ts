import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../db/schema.ts";
import { decide } from "../../api/domain/auth/permissions.ts";
import { routePermissions } from "../../api/lib/route.ts";
import { testApp } from "../helpers/app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

type Me = { user: { role: string }; allowed: { action: string; scope: string }[] };

describe("GET /api/auth/me: the caller's allowed actions", () => {
  it("names exactly what the permission table grants, with scope (written out for two roles)", async () => {
    const gemeente = (await (await t.request("/api/auth/me", { as: "gemeente" })).json()) as Me;
    expect(gemeente.user.role).toBe("gemeente");
    expect(gemeente.allowed).toEqual(
      expect.arrayContaining([
        { action: "municipality:read", scope: "municipality" },
        { action: "metrics:read", scope: "municipality" },
        { action: "report:read", scope: "municipality" },
        { action: "cases:handle-locally", scope: "municipality" },
      ]),
    );
    expect(gemeente.allowed).toHaveLength(4);
    const admin = (await (await t.request("/api/auth/me", { as: "admin" })).json()) as Me;
    expect(admin.allowed.map((a) => a.action).sort()).toEqual([
      "audit:read",
      "backup:manage",
      "contacts:manage",
      "fieldwork:manage",
      "fieldwork:read",
      "municipality:read",
      "questionnaires:read",
      "questionnaires:write",
      "registry:configure",
      "responses:export",
      "settings:read",
      "users:manage",
      "waves:read",
    ]);
    expect(admin.allowed.every((a) => a.scope === "all")).toBe(true);
  });

  it("agrees with the API's own decision for every role and every guarded operation", async () => {
    for (const role of ROLES) {
      const res = await t.request("/api/auth/me", { as: role });
      expect(res.status, role).toBe(200);
      const body = (await res.json()) as Me;
      const granted = new Map(body.allowed.map((a) => [a.action, a.scope]));
      expect(routePermissions().size).toBeGreaterThan(50);
      for (const [operationId, need] of routePermissions()) {
        if (need === "public" || need === "authenticated") continue;
        const decision = decide(need, { userId: "x", label: role, role, municipalityId: null, branchId: null });
        expect(granted.has(need), `${role} ${operationId}`).toBe(decision.allow);
        if (decision.allow) expect(granted.get(need), `${role} ${operationId}`).toBe(decision.scope);
      }
    }
  });

  it("is refused without a session, and the field is in the OpenAPI document", async () => {
    expect((await t.request("/api/auth/me", { as: "anonymous" })).status).toBe(401);
    const doc = (await (await t.request("/api/openapi.json", { as: "anonymous" })).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { required?: string[] } }> }> } }>;
    };
    expect(doc.paths["/api/auth/me"].get.responses["200"].content["application/json"].schema.required).toContain("allowed");
  });
});

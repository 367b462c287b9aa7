import { describe, expect, it } from "vitest";
import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../api/lib/route.ts";

const responses = { 200: { description: "ok", content: { "application/json": { schema: z.object({ ok: z.boolean() }) } } } };

describe("defineRoute: the permission is a typed field of the route", () => {
  it("puts the permission into security and x-permission, and authorizes through route middleware", () => {
    const open = defineRoute({ method: "get", path: "/open", operationId: "open", permission: "public", responses });
    const closed = defineRoute({ method: "get", path: "/closed", operationId: "closed", permission: "quality:write", responses });
    expect(open.security).toEqual([]);
    expect(closed.security).toEqual([{ sessionCookie: [] }]);
    expect(closed["x-permission"]).toBe("quality:write");
    expect(typeof closed.middleware).toBe("function");
  });

  it("refuses at compile time a route without a permission or with a misspelt one", () => {
    // @ts-expect-error no permission named
    defineRoute({ method: "get", path: "/x", operationId: "x", responses });
    // @ts-expect-error misspelt action
    defineRoute({ method: "get", path: "/y", operationId: "y", permission: "quality:wirte", responses });
    expect(true).toBe(true);
  });
});

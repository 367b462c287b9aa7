import type { Context } from "hono";
import { createRouter } from "../lib/router.ts";
import { actorOf, type AppEnv } from "../lib/context.ts";
import * as routes from "./risks.routes.ts";
import * as service from "./risks.service.ts";
import { getRiskMatrix, updateRiskMatrix } from "./matrix.service.ts";

const deps = (c: Context<AppEnv>) => ({ db: c.var.deps.db, now: c.var.deps.config.now(), by: actorOf(c) });

// The matrix routes come first: "/risks/matrix" must not be read as a risk id.
export const risksRouter = createRouter()
  .openapi(routes.getRiskMatrix, async (c) => c.json(await getRiskMatrix(c.var.deps.db), 200))
  .openapi(routes.updateRiskMatrix, async (c) => {
    const { db, now, by } = deps(c);
    return c.json(await updateRiskMatrix(db, c.req.valid("json"), now, by), 200);
  })
  .openapi(routes.listRisks, async (c) => {
    const { db, now } = deps(c);
    return c.json(await service.listRisks(db, c.req.valid("query"), now), 200);
  })
  .openapi(routes.getRisk, async (c) => {
    const { db, now } = deps(c);
    return c.json(await service.getRisk(db, c.req.valid("param").riskId, now), 200);
  })
  .openapi(routes.createRisk, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ risk: await service.createRisk(db, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.updateRisk, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ risk: await service.updateRisk(db, c.req.valid("param").riskId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.reviewRisk, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ risk: await service.reviewRisk(db, c.req.valid("param").riskId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.linkRiskActions, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ risk: await service.linkRiskActions(db, c.req.valid("param").riskId, c.req.valid("json"), now, by) }, 200);
  });

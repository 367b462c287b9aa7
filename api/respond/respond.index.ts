import { createRouter } from "../lib/router.ts";
import * as routes from "./respond.routes.ts";
import * as service from "./respond.service.ts";
import { mixPool } from "./pool.service.ts";
import { mixSoon } from "./mix-trigger.ts";

export const respondRouter = createRouter()
  .openapi(routes.getSurveyByToken, async (c) => {
    const { db, config } = c.var.deps;
    c.header("Cache-Control", "no-store");
    return c.json(await service.getSurveyByToken(db, c.req.valid("param").token, config.now()), 200);
  })
  .openapi(routes.saveProgress, async (c) => {
    const { db, config } = c.var.deps;
    const { data } = c.req.valid("json");
    return c.json(await service.saveProgress(db, c.req.valid("param").token, data, config.now()), 200);
  })
  .openapi(routes.submitResponse, async (c) => {
    const { db, config } = c.var.deps;
    const { data } = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const { receipt, submittedAt, replayed, pooled } = await service.submitResponse(
      db,
      c.req.valid("param").token,
      data,
      key,
      config.now(),
    );
    // A new anonymous payload may complete a batch: mix after answering, so the partner never waits for it.
    if (pooled && !replayed) config.background?.(() => mixSoon(db, () => mixPool(db, config.now(), { minBatch: config.poolMinBatch })));
    return c.json({ receipt, submittedAt, replayed }, replayed ? 200 : 201);
  });

import type { Context } from "hono";
import { createRouter } from "../lib/router.ts";
import { actorOf, type AppEnv } from "../lib/context.ts";
import * as routes from "./reviews.routes.ts";
import * as service from "./reviews.service.ts";

const deps = (c: Context<AppEnv>) => ({ db: c.var.deps.db, now: c.var.deps.config.now(), by: actorOf(c) });

export const reviewsRouter = createRouter()
  .openapi(routes.listManagementReviews, async (c) => {
    const { db, now } = deps(c);
    return c.json({ reviews: await service.listManagementReviews(db, now) }, 200);
  })
  .openapi(routes.createManagementReview, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ review: await service.createManagementReview(db, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.getManagementReview, async (c) => {
    const { db, now } = deps(c);
    return c.json({ review: await service.getManagementReview(db, c.req.valid("param").reviewId, now) }, 200);
  })
  .openapi(routes.updateManagementReview, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ review: await service.updateManagementReview(db, c.req.valid("param").reviewId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.finalizeManagementReview, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ review: await service.finalizeManagementReview(db, c.req.valid("param").reviewId, now, by) }, 200);
  })
  .openapi(routes.correctManagementReview, async (c) => {
    const { db, now, by } = deps(c);
    return c.json(
      { review: await service.correctManagementReview(db, c.req.valid("param").reviewId, c.req.valid("json").reason, now, by) },
      201,
    );
  });

import { createRouter } from "../lib/router.ts";
import * as routes from "./overview.routes.ts";
import * as service from "./overview.service.ts";

export const overviewRouter = createRouter().openapi(routes.getOverview, async (c) =>
  c.json(await service.getOverview(c.var.deps.db, c.var.deps.config.now()), 200),
);

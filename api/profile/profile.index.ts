import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./profile.routes.ts";
import * as service from "./profile.service.ts";

export const profileRouter = createRouter()
  .openapi(routes.getProfile, async (c) => {
    // Changes rarely and is public: a short cache spares the survey page a round trip on reload.
    c.header("Cache-Control", "public, max-age=60");
    return c.json(await service.getProfile(c.var.deps.db), 200);
  })
  .openapi(routes.updateProfile, async (c) =>
    c.json(await service.updateProfile(c.var.deps.db, c.req.valid("json"), c.var.deps.config.now(), actorOf(c)), 200),
  );

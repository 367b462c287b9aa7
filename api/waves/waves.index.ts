import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./waves.routes.ts";
import { createInvitations, listWaves } from "./waves.service.ts";
import { getWaveResults } from "./results.service.ts";

export const wavesRouter = createRouter()
  .openapi(routes.listWaves, async (c) => {
    const { db, config } = c.var.deps;
    return c.json({ waves: await listWaves(db, config.now()) }, 200);
  })
  .openapi(routes.createInvitations, async (c) => {
    const { db, config } = c.var.deps;
    const { invitations } = c.req.valid("json");
    const created = await createInvitations(db, c.req.valid("param").waveId, invitations, config.publicUrl, config.now(), actorOf(c));
    return c.json({ invitations: created }, 201);
  })
  .openapi(routes.getWaveResults, async (c) => {
    const { db, config } = c.var.deps;
    return c.json(await getWaveResults(db, c.req.valid("param").waveId, config.now()), 200);
  });

import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./waves.routes.ts";
import { createInvitations, createWave, listWaves } from "./waves.service.ts";
import { getWaveResults } from "./results.service.ts";
import { getWaveComparison } from "./comparison.service.ts";
import { listOpenAnswers } from "./open-answers.service.ts";

export const wavesRouter = createRouter()
  .openapi(routes.listWaves, async (c) => {
    const { db, config } = c.var.deps;
    return c.json({ waves: await listWaves(db, config.now()) }, 200);
  })
  .openapi(routes.createWave, async (c) => {
    const { db, config } = c.var.deps;
    const wave = await createWave(db, c.req.valid("json"), config.now(), actorOf(c));
    return c.json(
      {
        wave: {
          id: wave.id,
          name: wave.name,
          status: wave.status,
          opensAt: wave.opensAt,
          closesAt: wave.closesAt,
          anonymous: wave.anonymous,
          invited: 0,
          responded: 0,
        },
      },
      201,
    );
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
  })
  .openapi(routes.getWaveComparison, async (c) =>
    c.json(await getWaveComparison(c.var.deps.db, c.req.valid("param").waveId, c.var.deps.config.now()), 200),
  )
  .openapi(routes.listOpenAnswers, async (c) =>
    c.json(await listOpenAnswers(c.var.deps.db, c.req.valid("param").waveId, c.req.valid("query")), 200),
  );

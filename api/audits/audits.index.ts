import type { Context } from "hono";
import { createRouter } from "../lib/router.ts";
import { actorOf, type AppEnv } from "../lib/context.ts";
import * as routes from "./audits.routes.ts";
import { createAudit, getAudit, reportAudit, updateAudit } from "./audits.service.ts";
import { listProcesses, updateProcess } from "./processes.service.ts";
import { getAuditProgramme } from "./programme.service.ts";

const deps = (c: Context<AppEnv>) => ({ db: c.var.deps.db, now: c.var.deps.config.now(), by: actorOf(c) });

// The programme route comes before /audits/{auditId}, which would otherwise claim "programme" as an id.
export const auditsRouter = createRouter()
  .openapi(routes.listProcesses, async (c) => c.json({ processes: await listProcesses(c.var.deps.db) }, 200))
  .openapi(routes.updateProcess, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ process: await updateProcess(db, c.req.valid("param").processId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.getAuditProgramme, async (c) => {
    const { db, now } = deps(c);
    return c.json(await getAuditProgramme(db, c.req.valid("query").year ?? now.getUTCFullYear(), now), 200);
  })
  .openapi(routes.getAudit, async (c) => {
    const { db, now } = deps(c);
    return c.json({ audit: await getAudit(db, c.req.valid("param").auditId, now) }, 200);
  })
  .openapi(routes.createAudit, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ audit: await createAudit(db, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.updateAudit, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ audit: await updateAudit(db, c.req.valid("param").auditId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.reportAudit, async (c) => {
    const { db, now, by } = deps(c);
    return c.json({ audit: await reportAudit(db, c.req.valid("param").auditId, c.req.valid("json"), now, by) }, 200);
  });

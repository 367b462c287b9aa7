import type { Context } from "hono";
import { createRouter } from "../lib/router.ts";
import { attachment } from "../lib/download.ts";
import { actorOf, type AppEnv } from "../lib/context.ts";
import { visibilityOf } from "../lib/scope.ts";
import * as routes from "./reports.routes.ts";
import * as service from "./reports.service.ts";

/**
 * A file body. The route contract also lists JSON (format=json), and the typed handler
 * then expects every 200 to be JSON; a file is a plain Response, hence the cast.
 */
function download(c: Context<AppEnv>, bytes: Uint8Array, contentType: string, filename: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": contentType,
    "Content-Disposition": attachment(filename),
    "Content-Length": String(bytes.length),
  }) as never;
}

const ctx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, now: c.var.deps.config.now(), vis: visibilityOf(c), by: actorOf(c) });

export const reportsRouter = createRouter()
  .openapi(routes.getMunicipalityReport, async (c) => {
    const { db, now, vis, by } = ctx(c);
    const { from, to, format } = c.req.valid("query");
    const file = await service.exportMunicipalityReport(db, c.req.valid("param").municipalityId, { from, to }, format, vis, now, by);
    return download(c, file.bytes, file.contentType, file.filename);
  })
  .openapi(routes.sendMunicipalityReports, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ deliveries: await service.sendMunicipalityReports(db, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.listReportDeliveries, async (c) => {
    const { db, vis } = ctx(c);
    return c.json({ deliveries: await service.listReportDeliveries(db, vis) }, 200);
  })
  .openapi(routes.downloadReportDelivery, async (c) => {
    const { db, now, vis, by } = ctx(c);
    const file = await service.downloadReportDelivery(db, c.req.valid("param").deliveryId, vis, now, by);
    return download(c, file.bytes, "application/pdf", file.filename);
  });

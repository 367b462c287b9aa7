import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./fieldwork.routes.ts";
import { changeWaveStatus, copyWave, latestClosedWave, presentWave, updateWaveSettings } from "./lifecycle.service.ts";
import { getFieldwork } from "./fieldwork.service.ts";
import { enableOpenLink, getOpenSurvey, openLinkQr, submitOpen } from "./open-link.service.ts";
import { dimensionTrend, exportResponses } from "./export.service.ts";
import { getWave } from "./waves.service.ts";

export const fieldworkRouter = createRouter()
  .openapi(routes.getLatestClosedWave, async (c) => c.json({ wave: await latestClosedWave(c.var.deps.db, c.var.deps.config.now()) }, 200))
  .openapi(routes.getWaveDetail, async (c) => {
    const { db, config } = c.var.deps;
    return c.json({ wave: await presentWave(db, await getWave(db, c.req.valid("param").waveId), config.now()) }, 200);
  })
  .openapi(routes.changeWaveStatus, async (c) =>
    c.json(
      {
        wave: await changeWaveStatus(c.var.deps.db, c.req.valid("param").waveId, c.req.valid("json"), c.var.deps.config.now(), actorOf(c)),
      },
      200,
    ),
  )
  .openapi(routes.updateWaveSettings, async (c) =>
    c.json(
      {
        wave: await updateWaveSettings(
          c.var.deps.db,
          c.req.valid("param").waveId,
          c.req.valid("json"),
          c.var.deps.config.now(),
          actorOf(c),
        ),
      },
      200,
    ),
  )
  .openapi(routes.copyWave, async (c) =>
    c.json(await copyWave(c.var.deps.db, c.req.valid("param").waveId, c.req.valid("json"), c.var.deps.config.now(), actorOf(c)), 201),
  )
  .openapi(routes.getWaveFieldwork, async (c) =>
    c.json(await getFieldwork(c.var.deps.db, c.req.valid("param").waveId, c.var.deps.config.now()), 200),
  )
  .openapi(routes.enableOpenLink, async (c) => {
    const { db, config } = c.var.deps;
    return c.json(await enableOpenLink(db, c.req.valid("param").waveId, config.publicUrl, config.now(), actorOf(c)), 200);
  })
  .openapi(routes.getOpenLinkQr, async (c) => {
    const { db, config } = c.var.deps;
    const kind = c.req.valid("query").format;
    const body = await openLinkQr(db, c.req.valid("param").waveId, kind, config.publicUrl);
    return c.body(body as never, 200, { "Content-Type": kind === "svg" ? "image/svg+xml" : "image/png" });
  })
  .openapi(routes.exportWaveResponses, async (c) => {
    const { db, config } = c.var.deps;
    const file = await exportResponses(db, c.req.valid("param").waveId, c.req.valid("query").format, config.now(), actorOf(c));
    return c.body(file.bytes as never, 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    });
  })
  .openapi(routes.getDimensionTrend, async (c) =>
    c.json(await dimensionTrend(c.var.deps.db, c.var.deps.config.now(), c.req.valid("query").questionnaireKey), 200),
  )
  .openapi(routes.getOpenSurvey, async (c) =>
    c.json(await getOpenSurvey(c.var.deps.db, c.req.valid("param").token, c.var.deps.config.now()), 200),
  )
  .openapi(routes.submitOpenResponse, async (c) =>
    c.json(await submitOpen(c.var.deps.db, c.req.valid("param").token, c.req.valid("json").data, c.var.ip, c.var.deps.config.now()), 201),
  );

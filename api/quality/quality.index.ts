import type { Context } from "hono";
import { users } from "../../db/schema.ts";
import { createRouter } from "../lib/router.ts";
import { actorOf, type AppEnv } from "../lib/context.ts";
import { detail, issueDetail } from "../lib/error-fields.ts";
import { ApiError } from "../lib/errors.ts";
import { attachment } from "../lib/download.ts";
import * as routes from "./quality.routes.ts";
import * as findings from "./findings.service.ts";
import { createAction, listActions, updateAction } from "./actions.service.ts";
import { evaluateAction } from "./evaluation.service.ts";
import { downloadEvidence, uploadEvidence } from "./evidence.service.ts";
import { qualityDigest } from "./digest.service.ts";

const ctx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, now: c.var.deps.config.now(), by: actorOf(c) });

/** Multipart is read here rather than by the route validator, so a missing file is a clear 400. */
async function evidenceForm(c: Context<AppEnv>) {
  if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new ApiError(400, "multipart_required");
  }
  const form = await c.req.parseBody();
  const parsed = routes.EvidenceForm.safeParse(form);
  if (!parsed.success || !(form.file instanceof File)) {
    const details = parsed.success ? [{ path: "file", ...detail("file_missing") }] : parsed.error.issues.map(issueDetail);
    throw new ApiError(400, "invalid_input", {}, details);
  }
  const extra = Object.keys(form).filter((k) => !(k in routes.EvidenceForm.shape));
  if (extra.length) throw new ApiError(400, "unknown_fields", { fields: extra.join(", ") });
  return { ...parsed.data, file: form.file };
}

export const qualityRouter = createRouter()
  .openapi(routes.listFindings, async (c) => c.json({ findings: await findings.listFindings(c.var.deps.db, c.req.valid("query")) }, 200))
  .openapi(routes.createFinding, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ finding: await findings.createFinding(db, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.getFinding, async (c) => {
    const { db, now } = ctx(c);
    return c.json({ finding: await findings.getFinding(db, c.req.valid("param").findingId, now) }, 200);
  })
  .openapi(routes.updateFinding, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ finding: await findings.updateFinding(db, c.req.valid("param").findingId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.createFindingFromWave, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ finding: await findings.createFindingFromWave(db, c.req.valid("param").waveId, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.closeFinding, async (c) => {
    const { db, now, by } = ctx(c);
    const { reason } = c.req.valid("json") as { reason?: string };
    return c.json({ finding: await findings.closeFinding(db, c.req.valid("param").findingId, now, by, reason) }, 200);
  })
  .openapi(routes.getClosingCheck, async (c) => {
    const { db, now } = ctx(c);
    return c.json(await findings.getClosingCheck(db, c.req.valid("param").findingId, now), 200);
  })
  .openapi(routes.reopenFinding, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ finding: await findings.reopenFinding(db, c.req.valid("param").findingId, c.req.valid("json").reason, now, by) }, 200);
  })
  .openapi(routes.createEffectivenessReview, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ review: await findings.createReview(db, c.req.valid("param").findingId, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.listActions, async (c) => {
    const { db, now } = ctx(c);
    return c.json({ actions: await listActions(db, c.req.valid("query"), now, c.var.principal?.userId ?? null) }, 200);
  })
  .openapi(routes.createAction, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ action: await createAction(db, c.req.valid("json"), now, by) }, 201);
  })
  .openapi(routes.updateAction, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ action: await updateAction(db, c.req.valid("param").actionId, c.req.valid("json"), now, by) }, 200);
  })
  .openapi(routes.evaluateAction, async (c) => {
    const { db, now } = ctx(c);
    return c.json(await evaluateAction(db, c.req.valid("param").actionId, now), 200);
  })
  .openapi(routes.uploadEvidence, async (c) => {
    const { db, now, by } = ctx(c);
    return c.json({ evidence: await uploadEvidence(db, await evidenceForm(c), now, by) }, 201);
  })
  .openapi(routes.downloadEvidence, async (c) => {
    const { db, now, by } = ctx(c);
    const e = await downloadEvidence(db, c.req.valid("param").evidenceId, now, by);
    // A plain file response; the typed helpers only know JSON.
    return c.body(new Uint8Array(e.content) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": e.contentType,
      "Content-Disposition": attachment(e.filename),
      "X-Content-SHA256": e.sha256,
    }) as never;
  })
  .openapi(routes.listPeople, async (c) => {
    const all = await c.var.deps.db.select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users);
    const people = all
      .filter((u) => !u.disabledAt && u.role !== "gemeente" && u.role !== "auditor")
      .map(({ id, name, role }) => ({ id, name, role }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
    return c.json({ people }, 200);
  })
  .openapi(routes.getQualityDigest, async (c) =>
    c.json({ ...(await qualityDigest(c.var.deps.db, c.var.deps.config.now())), byMail: c.var.deps.config.mail?.digest === true }, 200),
  );

import { refuseAnswers } from "../respond/refuse-answers.ts";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { SurveyDefinitionSchema } from "../lib/json-schemas.ts";
import type { Db } from "../../db/types.ts";
import { openLinkHits, questionnaires, waves } from "../../db/schema.ts";
import { ORGANISATION_TYPES, type OrganisationType } from "../../db/schema.ts";
import { validateAnswers } from "../domain/survey/validate.ts";
import { respondentDefinition } from "../domain/survey/not-applicable.ts";
import { qrPng, qrSvg } from "../domain/qr/qr.ts";
import { parkResponse } from "../respond/pool.service.ts";
import { appendAudit, audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { ApiError } from "../lib/errors.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { linkSecret, openLinkToken } from "../mail/links.ts";
import { getWave, waveStatus } from "./waves.service.ts";

/** Responses one client may send through an open link per hour (a casusoverleg table shares one network). */
export const OPEN_LINK_PER_HOUR = 30;

export const openUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, "")}/o/${token}`;

/** One link for an anonymous wave: many responses, no invitation. Made once; the same link comes back after. */
export async function enableOpenLink(db: Db, waveId: string, publicUrl: string, now: Date, by: Actor) {
  const wave = await getWave(db, waveId);
  if (!wave.anonymous) throw new ApiError(409, "wave_not_anonymous");
  const token = openLinkToken(await linkSecret(db), wave.id);
  if (!wave.openLinkHash) {
    await audited(db, now, async (tx) => {
      // Only the request that makes the link records it: parallel ones get the same link, no second entry.
      const made = await tx
        .update(waves)
        .set({ openLinkHash: sha256Hex(token) })
        .where(and(eq(waves.id, wave.id), isNull(waves.openLinkHash)))
        .returning({ id: waves.id });
      const entry = { ...by, action: "create" as const, entity: "open_link", entityId: wave.id, after: { wave: wave.name } };
      return { result: null, audit: made.length ? entry : [] };
    });
  }
  return { url: openUrl(publicUrl, token), token };
}

export async function openLinkQr(db: Db, waveId: string, kind: "png" | "svg", publicUrl: string) {
  const wave = await getWave(db, waveId);
  if (!wave.openLinkHash) throw new ApiError(404, "no_open_link");
  const url = openUrl(publicUrl, openLinkToken(await linkSecret(db), wave.id));
  return kind === "svg" ? qrSvg(url) : qrPng(url);
}

async function findOpenWave(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ wave: waves, definition: questionnaires.definition })
    .from(waves)
    .innerJoin(questionnaires, eq(questionnaires.id, waves.questionnaireId))
    .where(eq(waves.openLinkHash, sha256Hex(token)));
  if (!row) throw new ApiError(404, "unknown_token");
  const status = waveStatus(row.wave, now);
  if (status === "gepland") throw new ApiError(403, "wave_not_open");
  if (status === "gepauzeerd") throw new ApiError(403, "wave_paused");
  if (status === "gesloten") throw new ApiError(410, "wave_closed");
  return row;
}

export async function getOpenSurvey(db: Db, token: string, now: Date) {
  const row = await findOpenWave(db, token, now);
  return {
    wave: { name: row.wave.name, closesAt: row.wave.closesAt.toISOString(), anonymous: true },
    definition: respondentDefinition(row.definition as z.infer<typeof SurveyDefinitionSchema>),
  };
}

/**
 * One response through the open link. The client address is hashed with the wave (so the
 * table holds no address) and counted per hour; past the limit the answer is 429.
 */
export async function submitOpen(db: Db, token: string, data: Record<string, unknown>, clientIp: string | null, now: Date) {
  const row = await findOpenWave(db, token, now);
  const errors = validateAnswers(row.definition, data, "submit");
  if (errors.length) refuseAnswers(errors);
  const client = sha256Hex(`${row.wave.id}:${clientIp ?? "onbekend"}`);
  const hour = now.toISOString().slice(0, 13);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [hit] = await tx
      .insert(openLinkHits)
      .values({ waveId: row.wave.id, client, hour, n: 1 })
      .onConflictDoUpdate({ target: [openLinkHits.waveId, openLinkHits.client, openLinkHits.hour], set: { n: sql`${openLinkHits.n} + 1` } })
      .returning({ n: openLinkHits.n });
    if (hit.n > OPEN_LINK_PER_HOUR) {
      const retry = 3600 - Math.floor((now.getTime() % 3_600_000) / 1000);
      throw new ApiError(429, "rate_limited", {}, undefined, {
        "Retry-After": String(retry),
      });
    }
    const type = ORGANISATION_TYPES.includes(data.organisatietype as OrganisationType)
      ? (data.organisatietype as OrganisationType)
      : "overig";
    // An open-link wave is anonymous: the answers wait in the pool and are mixed in like any other (docs/privacy.md).
    await parkResponse(tx, row.wave.id, { data, organisationType: type, municipalityId: null, branchId: null });
    await appendAudit(
      tx,
      { actor: "partner (open link)", ip: null, action: "create", entity: "response", entityId: null, after: { wave: row.wave.name } },
      now,
    );
    return { submittedAt: now.toISOString() };
  });
}

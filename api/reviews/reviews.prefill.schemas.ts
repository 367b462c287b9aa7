import { z } from "@hono/zod-openapi";
import { WAVE_STATUSES } from "../waves/waves.service.ts";
import { createSelectSchema } from "drizzle-zod";
import { actions, findings, internalAudits } from "../../db/schema.ts";
import { IntervalSchema, orNull } from "../lib/row-schema.ts";
import { CLASSIFICATIONS } from "../quality/quality.schemas.ts";
import { DECISION_KIND_KEYS, type REVIEW_INPUTS } from "../domain/reviews/review.inputs.ts";

/**
 * The pre-filled figures of each management review input (api/reviews/reviews.inputs.ts
 * returns them typed by these schemas). Each pre-fill says what it could not find ("gaps").
 */
/** A gap by catalog code (the client renders it in its language); a review made before the codes stored the Dutch sentence. */
export const GapSchema = z
  .union([
    z.object({
      code: z.string().openapi({ description: "Catalogcode (i18n/errors.ts: error.<code>)" }),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      message: z.string().openapi({ description: "De Nederlandse tekst; terugval voor een client zonder de catalogus" }),
    }),
    z.string(),
  ])
  .openapi("ReviewGap");
const gaps = z.array(GapSchema).openapi({ description: "Wat de voorinvulling niet kon vinden" });
const Int = z.number().int();
const action = createSelectSchema(actions);
const finding = createSelectSchema(findings);
const audit = createSelectSchema(internalAudits);
const ShareFigure = z.object({ count: Int, n: Int, share: z.number().nullable() });
const Spread = z.object({ n: Int, median: z.number().nullable(), p90: z.number().nullable() });
const HoursCost = z.object({ hours: z.number(), cost: z.number() });
const LevelScore = z.object({ likelihood: Int, impact: Int, score: Int });
const byClassification = z.object(
  Object.fromEntries(CLASSIFICATIONS.map((c) => [c, Int])) as Record<(typeof CLASSIFICATIONS)[number], typeof Int>,
);

export const PreviousActionsPrefill = z.object({
  review: z.object({ id: z.uuid(), version: Int, periodFrom: z.string(), periodTo: z.string(), heldOn: z.string().nullable() }).nullable(),
  decisions: z.array(
    z.object({
      kind: z.enum(DECISION_KIND_KEYS),
      text: z.string(),
      dueOn: z.string().nullable(),
      action: action.pick({ id: true, ref: true, title: true, status: true, dueOn: true, completedOn: true }).nullable(),
    }),
  ),
  gaps,
});

export const SatisfactionPrefill = z.object({
  waves: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      closesAt: z.string(),
      invited: Int,
      respondents: Int,
      responseRate: z.number().nullable(),
      suppressed: z.boolean(),
      dimensions: z.array(z.object({ dimension: z.string(), label: z.string(), mean: z.number(), n: Int, ci: orNull(IntervalSchema) })),
      nps: z.object({ nps: z.number(), n: Int, interval: orNull(IntervalSchema) }).nullable(),
    }),
  ),
  comparison: z.array(
    z.object({
      dimension: z.string(),
      label: z.string(),
      latest: z.number(),
      previous: z.number().nullable(),
      difference: z.number().nullable(),
    }),
  ),
  gaps,
});

export const ObjectivesPrefill = z.object({
  actions: z.array(
    action
      .pick({ ref: true, title: true, status: true, dueOn: true, completedOn: true })
      .extend({ criterion: z.string(), criterionKind: z.string().nullable() }),
  ),
  counts: z.object({ total: Int, done: Int }),
  gaps,
});

export const ProcessPerformancePrefill = z.object({
  conferences: Int,
  directorAssigned: ShareFigure,
  allElementsRecorded: ShareFigure,
  rolesExplained: ShareFigure,
  followUps: z.object({ total: Int, onTime: Int, late: Int, open: Int, overdue: Int }),
  leadTimeDays: z.object({ toFirstConference: Spread, toClosure: Spread }),
  hours: HoursCost,
  gaps,
});

export const NonconformitiesPrefill = z.object({
  findings: z.object({ total: Int, byClassification, open: Int, closed: Int }),
  openNonconformities: z.array(finding.pick({ ref: true, title: true, classification: true, foundOn: true })),
  overdueActions: z.array(action.pick({ ref: true, title: true, dueOn: true, status: true })),
  gaps,
});

export const MonitoringPrefill = z.object({
  waves: z.array(
    z.object({
      name: z.string(),
      status: z.enum(WAVE_STATUSES),
      opensAt: z.string(),
      closesAt: z.string(),
      invited: Int,
      responded: Int,
      responseRate: z.number().nullable(),
    }),
  ),
  followUps: z.object({ total: Int, overdue: Int, late: Int }),
  gaps,
});

export const AuditResultsPrefill = z.object({
  counts: z.object({ planned: Int, done: Int, reported: Int, late: Int, cancelled: Int }),
  audits: z.array(audit.pick({ ref: true, processId: true, status: true, plannedOn: true, actualOn: true, reportedOn: true })),
  findings: z.object({
    total: Int,
    byClassification,
    items: z.array(finding.pick({ ref: true, title: true, classification: true }).extend({ closed: z.boolean() })),
  }),
  gaps,
});

export const ExternalProvidersPrefill = z.object({
  partners: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      invited: Int,
      aanwezig: Int,
      informatie_aangeleverd: Int,
      telefonisch_video: Int,
      afwezig: Int,
      contributed: ShareFigure,
    }),
  ),
  gaps,
});

export const ResourcesPrefill = z.object({
  total: HoursCost,
  unpricedHours: z.number(),
  byKind: z.array(HoursCost.extend({ id: z.string() })),
  gaps,
});

export const RiskActionsPrefill = z.object({
  risks: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      processId: z.string().nullable(),
      inherent: LevelScore,
      residual: LevelScore,
      lastReviewedOn: z.string(),
      reviewDueOn: z.string(),
      reviewOverdue: z.boolean(),
      actions: z.array(action.pick({ ref: true, title: true, status: true, dueOn: true })),
    }),
  ),
  counts: z.object({ open: Int, reviewOverdue: Int, withoutAction: Int }),
  gaps,
});

export const ImprovementOpportunitiesPrefill = z.object({
  findings: z.array(finding.pick({ ref: true, title: true, source: true, foundOn: true }).extend({ closed: z.boolean() })),
  registerOpportunities: z.array(z.object({ ref: z.string(), title: z.string(), residual: LevelScore, lastReviewedOn: z.string() })),
  gaps,
});

/** One input of a review: its key decides the shape of the pre-filled data, and names its title in the catalog (reviewInput.<key>). */
const input = <K extends string, D extends z.ZodType>(key: K, data: D) =>
  z.object({ key: z.literal(key), data: data.nullable(), assessment: z.string() });

export const ReviewInputSchema = z
  .discriminatedUnion("key", [
    input("previous_actions", PreviousActionsPrefill),
    input("context_changes", z.null().openapi({ description: "Geen bron in het platform: de directie schrijft dit zelf" })),
    input("satisfaction", SatisfactionPrefill),
    input("objectives", ObjectivesPrefill),
    input("process_performance", ProcessPerformancePrefill),
    input("nonconformities", NonconformitiesPrefill),
    input("monitoring", MonitoringPrefill),
    input("audit_results", AuditResultsPrefill),
    input("external_providers", ExternalProvidersPrefill),
    input("resources", ResourcesPrefill),
    input("risk_actions", RiskActionsPrefill),
    input("improvement_opportunities", ImprovementOpportunitiesPrefill),
  ])
  .openapi("ManagementReviewInput");

export type ReviewInput = z.infer<typeof ReviewInputSchema>;

// Every input of the standard has a shape above, and nothing more (a compile-time check).
type Keys = (typeof REVIEW_INPUTS)[number]["key"];
export const INPUT_SHAPES_COMPLETE: [Keys] extends [ReviewInput["key"]] ? ([ReviewInput["key"]] extends [Keys] ? true : never) : never =
  true;

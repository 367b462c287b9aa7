/**
 * TODO(issue 12, API half): the replies whose response schema is still an open record
 * (`z.record(z.string(), z.unknown())`). Until the schema names its fields, the dashboard
 * reads such a reply as what the server function behind the route returns (its own type,
 * through `Served`), never as a hand-written copy. `Reply<Op>` in contract.ts switches to
 * the schema's type by itself as soon as the schema is precise; then this file can go.
 */
import type { z } from "zod";
import type { JSONParsed } from "hono/utils/types";
import type {
  listFindings,
  getFinding,
  createFinding,
  createFindingFromWave,
  updateFinding,
  closeFinding,
  createReview,
} from "../../../../api/quality/findings.service.ts";
import type { listActions, createAction, updateAction } from "../../../../api/quality/actions.service.ts";
import type { uploadEvidence } from "../../../../api/quality/evidence.service.ts";
import type { evaluateAction } from "../../../../api/quality/evaluation.service.ts";
import type { qualityDigest } from "../../../../api/quality/digest.service.ts";
import type { SurveyBaseline } from "../../../../api/quality/evaluation.service.ts";
import type { Criterion, Evaluation } from "../../../../api/domain/quality/criterion.ts";
import type { RootCauseSchema, CONFERENCE_METRICS } from "../../../../api/quality/quality.schemas.ts";
import type { getWaveResults } from "../../../../api/waves/results.service.ts";
import type { getWaveComparison } from "../../../../api/waves/comparison.service.ts";
import type { listOpenAnswers } from "../../../../api/waves/open-answers.service.ts";
import type { getConferenceMetrics } from "../../../../api/registry/metrics.service.ts";
import type { auditLog } from "../../../../db/schema.ts";

/** The JSON a server function's result becomes on the wire (dates as strings). */
// biome-ignore lint/suspicious/noExplicitAny: any function
type Served<F extends (...args: any[]) => unknown> = JSONParsed<Awaited<ReturnType<F>>>;
type Item<T> = T extends readonly (infer E)[] ? E : never;

/** A finding's JSON columns are `unknown` in the table; the API writes these shapes into them. */
type Stored = {
  rootCauseAnalysis: z.output<typeof RootCauseSchema> | null;
  baseline: SurveyBaseline | null;
  sourceMetric: (typeof CONFERENCE_METRICS)[number] | null;
};
type WithStored<T> = Omit<T, keyof Stored> & Stored;
type ServedDetail = Served<typeof getFinding>;
type DetailAction = Omit<Item<ServedDetail["actions"]>, "criterion" | "evaluation"> & { criterion: Criterion; evaluation: Evaluation };
type Finding = WithStored<Item<Served<typeof listFindings>>>;

export interface Pending {
  listFindings: { findings: Finding[] };
  createFinding: { finding: WithStored<Served<typeof createFinding>> };
  createFindingFromWave: { finding: WithStored<Served<typeof createFindingFromWave>> };
  updateFinding: { finding: WithStored<Served<typeof updateFinding>> };
  closeFinding: { finding: WithStored<Served<typeof closeFinding>> };
  createEffectivenessReview: { review: Served<typeof createReview> };
  createAction: { action: Served<typeof createAction> };
  updateAction: { action: Served<typeof updateAction> };
  evaluateAction: Served<typeof evaluateAction>;
  uploadEvidence: { evidence: Served<typeof uploadEvidence> };
  getFinding: { finding: Omit<WithStored<ServedDetail>, "actions"> & { actions: DetailAction[] } };
  listActions: { actions: Served<typeof listActions> };
  getQualityDigest: Served<typeof qualityDigest>;
  getWaveResults: Served<typeof getWaveResults>;
  getWaveComparison: Served<typeof getWaveComparison>;
  listOpenAnswers: Served<typeof listOpenAnswers>;
  getConferenceMetrics: Served<typeof getConferenceMetrics>;
  listAuditTrail: { entries: JSONParsed<typeof auditLog.$inferSelect>[] };
}

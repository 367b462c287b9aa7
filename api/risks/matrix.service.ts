import { eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { settings } from "../../db/schema.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { ApiError } from "../lib/errors.ts";
import { DEFAULT_RISK_MATRIX, LEVELS, matrixProblems, type RiskMatrix, SIZE } from "../domain/risks/matrix.ts";
import { replaceSetting } from "../lib/stored-setting.ts";

export const MATRIX_KEY = "risk_matrix";

/** The grid in force; the default until the ZVH records its own (or if the stored one is unusable). */
export async function getRiskMatrix(db: Db): Promise<RiskMatrix> {
  const [row] = await db.select().from(settings).where(eq(settings.key, MATRIX_KEY));
  return usable(row?.value as RiskMatrix | undefined);
}

const usable = (stored: RiskMatrix | undefined) => (stored && matrixProblems(stored.grid).length === 0 ? stored : DEFAULT_RISK_MATRIX);

/** Levels are computed on read, so every risk follows the new grid from this moment on. */
export async function updateRiskMatrix(db: Db, next: RiskMatrix, now: Date, by: Actor) {
  const problems = matrixProblems(next.grid);
  if (problems.length) {
    const details = problems.map(({ code, params, likelihood, impact, message }) => ({ code, params, likelihood, impact, message }));
    const [first] = problems;
    if (first.code === "matrix_shape") throw new ApiError(422, "matrix_shape", { size: SIZE }, details);
    if (first.code === "unknown_level") {
      const at = { likelihood: first.likelihood ?? 0, impact: first.impact ?? 0 };
      throw new ApiError(422, "unknown_level", { ...at, value: first.params.value, levels: LEVELS.join(", ") }, details);
    }
    throw new ApiError(422, "matrix_not_monotone", {}, details);
  }
  return audited(db, now, async (tx) => {
    const before = usable((await replaceSetting(tx, MATRIX_KEY, next, now)) as RiskMatrix | undefined);
    return { result: next, audit: { ...by, action: "update", entity: "risk_matrix", entityId: MATRIX_KEY, before, after: next } };
  });
}

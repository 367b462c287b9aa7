import type { Db } from "../../db/types.ts";
import { mixPool } from "../../api/respond/pool.service.ts";

/**
 * Mixes everything in the anonymity pool at once (a batch of one is allowed here only), for
 * tests that read results or responses right after submitting to an anonymous wave.
 */
export function mixAll(db: Db, now = new Date()) {
  return mixPool(db, now, { minBatch: 1 });
}

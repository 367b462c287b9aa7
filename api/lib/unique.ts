import type { ApiError } from "./errors.ts";
import { sqlState } from "./retry.ts";

/**
 * Runs the insert of a row whose uniqueness (a name, a key) was checked just before. A parallel
 * request can pass the same check, and then the database's unique index refuses the second row
 * (SQLSTATE 23505): that request gets the check's own 409, not a 500.
 */
export async function conflictOnDuplicate<T>(work: () => Promise<T>, conflict: () => ApiError): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (sqlState(err) === "23505") throw conflict();
    throw err;
  }
}

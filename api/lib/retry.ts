/** SQLSTATEs after which the whole transaction may simply run again: deadlock, serialisation failure. */
const RETRYABLE = new Set(["40P01", "40001"]);

/** The SQLSTATE of a driver error; drizzle wraps the driver's error in `cause`. */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Runs a transaction again when PostgreSQL aborted it as a deadlock victim or for a
 * serialisation failure; the work must be a whole transaction, so a retry is safe. A short
 * random back-off keeps the retries from colliding again.
 */
export async function retryTransaction<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !RETRYABLE.has(sqlState(err) ?? "")) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

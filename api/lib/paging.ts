import { z } from "@hono/zod-openapi";
import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Server-side paging for list operations: limit/offset, a sort key with an optional leading
 * '-' for descending, and a total count under the same filters. Without a limit a list stays
 * whole (pickers and older screens rely on it); screens page with one.
 */
export const MAX_PAGE = 500;

export function pageQuery<K extends string>(sortKeys: readonly [K, ...K[]], defaultSort: K | `-${K}`) {
  const sorts = sortKeys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE)
      .optional()
      .openapi({ description: `Hoeveel rijen (1–${MAX_PAGE}); zonder: alle` }),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ description: "Vanaf welke rij (0 = de eerste)" }),
    sort: z.enum(sorts).default(defaultSort).openapi({ description: "Sorteersleutel; '-' ervoor = aflopend" }),
  };
}

export const PageInfo = { total: z.number().int().min(0), limit: z.number().int().nullable(), offset: z.number().int().min(0) };

/** The ORDER BY for a sort key, with a unique tiebreaker so pages never overlap or skip. */
export function orderBy(sort: string, columns: Record<string, AnyColumn>, tiebreak: AnyColumn): SQL[] {
  const descending = sort.startsWith("-");
  const column = columns[descending ? sort.slice(1) : sort];
  return [descending ? desc(column) : asc(column), descending ? desc(tiebreak) : asc(tiebreak)];
}

/** A search term as a LIKE pattern that matches it literally (a '%' or '_' typed is not a wildcard). */
export function containsPattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export const countAll = sql<number>`count(*)::int`;

import { z } from "@hono/zod-openapi";

type JsonDates<S> = {
  [K in keyof S]: S[K] extends z.ZodDate ? z.ZodString : S[K] extends z.ZodNullable<z.ZodDate> ? z.ZodNullable<z.ZodString> : S[K];
};

const isDate = (s: unknown) => s instanceof z.ZodDate;

/**
 * A row schema from drizzle-zod (`createSelectSchema(table)`) as JSON carries it: timestamps
 * are ISO 8601 strings. jsonb columns must be given their own schema in `createSelectSchema`,
 * or they come out as any JSON value.
 */
export function jsonRow<T extends z.ZodObject>(schema: T) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, s]) => {
      if (isDate(s)) return [key, z.iso.datetime({ offset: true })];
      if (s instanceof z.ZodNullable && isDate(s.unwrap())) return [key, z.iso.datetime({ offset: true }).nullable()];
      return [key, s];
    }),
  );
  return z.object(shape) as unknown as z.ZodObject<JsonDates<T["shape"]>>;
}

/** A confidence interval. */
export const IntervalSchema = z.object({ low: z.number(), high: z.number() }).openapi("Interval");

/**
 * `schema | null` for a named (registered) schema. zod-to-openapi drops the null of
 * `.nullable()` on a $ref in OpenAPI 3.1 (asteasolutions/zod-to-openapi#387), a union keeps it.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

import { sql } from "drizzle-orm";
import { GROUPINGS } from "../../api/waves/results.service.ts";

/**
 * SQL pieces shared by the baselines, for everyone plus each of the service's GROUPINGS:
 * k0, k1, ... hold each grouping's key ('onbekend' where the respondent has none, as in
 * the service); `sets` builds GROUPING SETS ((base), (base, k0), (base, k1), ...); `label`
 * names the grouping and the group of a row (both null for the everyone row).
 */
export function groupingSql(keyOf: (column: string) => string) {
  const groupings = Object.entries(GROUPINGS);
  const names = groupings.map((_, i) => `k${i}`);
  return {
    keys: sql.raw(groupings.map(([, column], i) => `${keyOf(column)} as k${i}`).join(", ")),
    columns: sql.raw(groupings.map(([, column]) => column).join(", ")),
    sets: (...base: string[]) =>
      sql.raw(`grouping sets (${[base, ...names.map((k) => [...base, k])].map((set) => `(${set.join(", ")})`).join(", ")})`),
    label: sql.raw(`case ${groupings.map(([name], i) => `when grouping(k${i}) = 0 then '${name}'`).join(" ")} end as grouping,
      case ${names.map((k) => `when grouping(${k}) = 0 then ${k}`).join(" ")} end as grp`),
  };
}

import { useReply } from "../../../shared/api/query.ts";
import type { Municipality } from "./registry.ts";

/** Municipalities the user may see (a gemeente account gets only its own). */
export function useMunicipalities() {
  const res = useReply("listMunicipalities", "/municipalities");
  return { ...res, list: res.data?.municipalities ?? [] };
}

/** The ZVH's theme list, inactive themes included (they still name old cases). */
export function useThemes() {
  const res = useReply("listThemes", "/themes");
  return { ...res, list: res.data?.themes ?? [] };
}

/**
 * Chain partners and municipalities, from GET /organisations. Should that endpoint be
 * missing or refused, the organisations named in the conference metrics (attendance) are
 * the fallback: incomplete, but enough to read existing records.
 */
export function useOrganisations() {
  const res = useReply("listOrganisations", "/organisations");
  const fallback = useReply("getConferenceMetrics", res.error ? "/registry/metrics" : null);
  if (res.data || !res.error) return { loading: res.loading, error: res.error, list: res.data?.organisations ?? [], partial: false };
  const list = (fallback.data?.attendance ?? [])
    .map((a) => ({
      id: a.organisationId,
      name: fallback.data!.names[a.organisationId] ?? a.organisationId,
      type: "",
      municipalityId: null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return { loading: fallback.loading, error: fallback.error, list, partial: true };
}

/** id → display name, "–" for nothing and the id itself when the name is unknown. */
export function namer(...lists: { id: string; name: string }[][]) {
  const names = new Map(lists.flat().map((x) => [x.id, x.name]));
  return (id: string | null | undefined) => (id ? (names.get(id) ?? id) : "–");
}

/**
 * The branches (vestigingen), derived from the municipalities: there is no branches
 * endpoint. A branch is named after the municipality with the same id where there is one
 * (alkmaar, den-helder); otherwise its id is written as a name (west-friesland → West-Friesland).
 */
export function branchesOf(municipalities: Municipality[]) {
  const ids = [...new Set(municipalities.map((m) => m.branchId))];
  const label = (id: string) =>
    municipalities.find((m) => m.id === id)?.name ??
    id
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join("-");
  return ids.map((id) => ({ id, name: label(id) })).sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

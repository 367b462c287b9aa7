import type { DimensionKey } from "../../../api/domain/survey/questionnaire.ts";
import { labelled } from "./api/labels.ts";
import { useI18n } from "./i18n.tsx";

/**
 * The survey dimensions' names: the message catalog's `dimension.*` keys, one per key of
 * the questionnaire (a new dimension there fails the typecheck here until it has a name).
 */
const dimensions = labelled<DimensionKey>({
  bekendheid: "dimension.bekendheid",
  rolduidelijkheid: "dimension.rolduidelijkheid",
  casusoverleg: "dimension.casusoverleg",
  informatiedeling: "dimension.informatiedeling",
  meerwaarde: "dimension.meerwaarde",
  samenwerking: "dimension.samenwerking",
  rapportcijfer: "dimension.rapportcijfer",
  nps: "dimension.nps",
});

/** Dimensions scored 1–5; the report mark (0–10) and the recommendation (NPS) are shown apart. */
export const isScale = (dimension: string) => dimension !== "nps" && dimension !== "rapportcijfer";
export const SURVEY_DIMENSIONS = dimensions.values.filter(isScale);
export const DIMENSION_KEY = dimensions.keys;

/** A dimension's name in the chosen language; a key the catalog does not know keeps the server's label. */
export function useDimensionName() {
  const { t } = useI18n();
  return (key: string, fallback?: string) => (key in dimensions.keys ? t(dimensions.keys[key as DimensionKey]) : (fallback ?? key));
}

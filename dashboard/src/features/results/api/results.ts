import type { Item, Reply } from "../../../shared/api/contract.ts";

/**
 * Survey results as the API gives them. The three result answers are open records in the
 * API's schemas today; until they name their fields (issue 12, API half) they are read as
 * what the service functions behind those routes return.
 */
export type WaveResults = Reply<"getWaveResults">;
export type WaveComparison = Reply<"getWaveComparison">;
export type OpenAnswers = Reply<"listOpenAnswers">;
export type { Wave } from "../../survey/api/waves.ts";

export type Grouping = keyof WaveResults["groups"];
export type GroupResult = Item<WaveResults["groups"][Grouping]>;
export type QuestionResult = Item<WaveResults["overall"]["questions"]>;
export type DimensionResult = Item<WaveResults["overall"]["dimensions"]>;
export type NotApplicableShare = Item<WaveResults["notApplicable"]>;
export type DimensionTrend = Reply<"getDimensionTrend">;
export type Interval = NonNullable<DimensionResult["ci"]>;
export type TestResult = NonNullable<WaveComparison["responseRate"]>["test"] & object;

/** The groupings in the order the page offers them; the record makes the list complete. */
const GROUPING_ORDER: Record<Grouping, number> = { organisationType: 0, branch: 1, municipality: 2 };
export const GROUPINGS = (Object.keys(GROUPING_ORDER) as Grouping[]).sort((a, b) => GROUPING_ORDER[a] - GROUPING_ORDER[b]);

export { isScale } from "../../../shared/dimensions.ts";
export const ORGANISATION_TYPES = ["gemeente", "justitie", "zorg", "veiligheid", "wonen", "overig"] as const;

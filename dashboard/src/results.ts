/** Shapes of the survey results API as the dashboard reads them (see api/domain/survey/results.ts, api/waves/). */
export interface Interval { low: number; high: number }
export interface Score { n: number; mean: number; sd: number; ci: Interval | null }
export interface QuestionResult extends Score { question: string; title: string; dimension: string; distribution: Record<string, number> }
export interface DimensionResult extends Score { dimension: string; label: string }
export interface NpsResult { n: number; promoters: number; passives: number; detractors: number; nps: number; interval: Interval | null }

export interface Overall {
  invited: number; respondents: number; responseRate: number | null; suppressed: boolean;
  questions: QuestionResult[]; dimensions: DimensionResult[]; nps: NpsResult | null;
}

export type GroupResult =
  | { key: string; suppressed: true }
  | { key: string; suppressed: false; invited: number; respondents: number; responseRate: number | null;
      questions: (QuestionResult | { question: string; suppressed: true })[];
      dimensions: (DimensionResult | { dimension: string; suppressed: true })[]; nps: NpsResult | null };

export const GROUPINGS = ["organisationType", "branch", "municipality"] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface WaveResults {
  wave: { id: string; name: string; status: string };
  minGroupSize: number;
  /** Anonymous responses received but not yet mixed into these results. */
  pending?: number;
  overall: Overall;
  groups: Record<Grouping, GroupResult[]>;
}

export interface TestResult { test: string; statistic: number; p: number; significant: boolean }
export interface Compared { current: { mean: number; n: number }; previous: { mean: number; n: number }; difference: number; test: TestResult | null }

export interface WaveComparison {
  wave: { id: string; name: string };
  previous: { id: string; name: string } | null;
  alpha: number;
  dimensions: (Compared & { dimension: string; label: string })[];
  questions: (Compared & { question: string; title: string; dimension: string })[];
  nps: { current: number; previous: number; difference: number; test: TestResult | null } | null;
  responseRate: { current: number; previous: number; test: TestResult | null } | null;
}

export interface OpenAnswers {
  minGroupSize: number;
  groupBy: "organisationType" | "branch" | null;
  groups: { key: string; respondents: number | null; suppressed: boolean; answers: { question: string; dimension: string | null; text: string }[] }[];
}

export interface Wave { id: string; name: string; status: string; responded: number; invited: number }

/** Dimensions scored 1–5; the report mark (0–10) and the recommendation (NPS) are shown apart. */
export const isScale = (dimension: string) => dimension !== "nps" && dimension !== "rapportcijfer";

export const ORGANISATION_TYPES = ["gemeente", "justitie", "zorg", "veiligheid", "wonen", "overig"] as const;

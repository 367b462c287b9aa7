import { detail } from "../../lib/error-text.ts";
/**
 * The risk matrix (ISO 9001 6.1): a 5×5 grid of likelihood (rows) × impact (columns) whose
 * cells NAME a level. The level is looked up, never derived from the product alone, so the
 * ZVH can weigh impact heavier than likelihood: a near-impossible event with very serious
 * consequences (1×5) is already 'hoog', while a near-certain trifle (5×1) stays 'middel'.
 *
 * Opportunities use the same grid, read as benefit: likelihood is the chance that the
 * opportunity materialises, impact the size of the benefit, and the level says how much it
 * is worth pursuing. Inherent is the opportunity as it presents itself; residual is what is
 * expected to be realised with the current measures, and cannot exceed the inherent one.
 */

export const LEVELS = ["laag", "middel", "hoog", "kritiek"] as const;
export type Level = (typeof LEVELS)[number];

export interface LevelStyle {
  label: string;
  colour: string;
}

export interface RiskMatrix {
  levels: Record<Level, LevelStyle>;
  /** Labels of likelihood 1..5. */
  likelihood: string[];
  /** Labels of impact 1..5. */
  impact: string[];
  /** grid[likelihood - 1][impact - 1]. */
  grid: Level[][];
}

export const SIZE = 5;

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  levels: {
    laag: { label: "Laag", colour: "#4caf50" },
    middel: { label: "Middel", colour: "#f2c744" },
    hoog: { label: "Hoog", colour: "#f08a24" },
    kritiek: { label: "Kritiek", colour: "#d32f2f" },
  },
  likelihood: ["zeer onwaarschijnlijk", "onwaarschijnlijk", "mogelijk", "waarschijnlijk", "vrijwel zeker"],
  impact: ["verwaarloosbaar", "gering", "merkbaar", "ernstig", "zeer ernstig"],
  grid: [
    ["laag", "laag", "laag", "middel", "hoog"],
    ["laag", "laag", "middel", "hoog", "hoog"],
    ["laag", "middel", "middel", "hoog", "kritiek"],
    ["middel", "middel", "hoog", "kritiek", "kritiek"],
    ["middel", "hoog", "hoog", "kritiek", "kritiek"],
  ],
};

export const levelRank = (level: Level) => LEVELS.indexOf(level);

export const isStep = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= SIZE;

export function riskLevel(matrix: RiskMatrix, likelihood: number, impact: number): Level {
  if (!isStep(likelihood) || !isStep(impact))
    throw new RangeError(`kans en impact lopen van 1 tot en met ${SIZE} (${likelihood}×${impact})`);
  return matrix.grid[likelihood - 1][impact - 1];
}

export const riskScore = (likelihood: number, impact: number) => likelihood * impact;

export interface MatrixProblem {
  code: "matrix_shape" | "unknown_level" | "matrix_cell_lower";
  /** The values of its text in the catalog (i18n/errors.ts); `message` is the Dutch. */
  params: Record<string, string | number>;
  message: string;
  likelihood?: number;
  impact?: number;
}

// Its params are never empty, so `detail` always keeps them.
const matrixProblem = (code: MatrixProblem["code"], params: Record<string, string | number>) => ({ ...detail(code, params), code, params });

const isLevel = (x: unknown): x is Level => typeof x === "string" && (LEVELS as readonly string[]).includes(x);

/**
 * Everything wrong with a submitted grid, in Dutch; empty when it can be used. A cell may
 * never be lower than a cell with lower-or-equal likelihood and impact: checking the left
 * and upper neighbour of every cell is enough, because "not lower" is transitive.
 */
export function matrixProblems(grid: unknown): MatrixProblem[] {
  if (!Array.isArray(grid) || grid.length !== SIZE || grid.some((row) => !Array.isArray(row) || row.length !== SIZE)) {
    return [matrixProblem("matrix_shape", { size: SIZE })];
  }
  const rows = grid as unknown[][];
  const unknown: MatrixProblem[] = [];
  rows.forEach((row, l) =>
    row.forEach((cell, i) => {
      if (!isLevel(cell)) {
        unknown.push({
          ...matrixProblem("unknown_level", { value: String(cell), likelihood: l + 1, impact: i + 1, levels: LEVELS.join(", ") }),
          likelihood: l + 1,
          impact: i + 1,
        });
      }
    }),
  );
  if (unknown.length) return unknown;
  const levels = rows as Level[][];
  const problems: MatrixProblem[] = [];
  for (let l = 0; l < SIZE; l++) {
    for (let i = 0; i < SIZE; i++) {
      const here = levels[l][i];
      const lower = [l > 0 ? { l: l - 1, i, level: levels[l - 1][i] } : null, i > 0 ? { l, i: i - 1, level: levels[l][i - 1] } : null].find(
        (n) => n && levelRank(n.level) > levelRank(here),
      );
      if (lower) {
        const params = {
          likelihood: l + 1,
          impact: i + 1,
          level: here,
          lower: lower.level,
          lowerLikelihood: lower.l + 1,
          lowerImpact: lower.i + 1,
        };
        problems.push({ ...matrixProblem("matrix_cell_lower", params), likelihood: l + 1, impact: i + 1 });
      }
    }
  }
  return problems;
}

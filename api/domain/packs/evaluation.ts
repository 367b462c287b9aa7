/**
 * An effectiveness review's stored automatic evaluations as the Dutch lines the pack's report shows.
 * A snapshot stored since the catalog codes holds code + params and is rendered from the catalog's
 * Dutch (the same text the dashboard shows); an older snapshot holds the sentence and keeps it.
 */
import { errorText, type ErrorParams } from "../../lib/error-text.ts";
import { labelOf } from "./labels.ts";

type Stored = string | { code: string; params?: unknown; message?: string };

/** One coded or stored text in Dutch; the stored `message` only when the catalog no longer knows the code. */
export function dutchText(text: Stored): string {
  if (typeof text === "string") return text;
  return errorText("nl", text.code, text.params as ErrorParams | undefined) ?? text.message ?? text.code;
}

interface StoredEvaluation {
  ref?: string;
  status?: string;
  explanation?: Stored;
  caveats?: Stored[];
}

/** "ACT-2025-001 – gehaald: 2,8 (KTO 2024) → 3,9 (KTO 2026); doel ≥ 3,5: gehaald. Kleine aantallen …", one line per action. */
export function evaluationLines(evaluation: unknown): string {
  if (!Array.isArray(evaluation) || !evaluation.length) return "–";
  return (evaluation as StoredEvaluation[])
    .map((e) => {
      const parts = [e.explanation, ...(e.caveats ?? [])].filter((t): t is Stored => t !== undefined).map(dutchText);
      return `${e.ref ?? "?"} – ${labelOf("eval", e.status)}: ${parts.join(" ")}`;
    })
    .join("\n");
}

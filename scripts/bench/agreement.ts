import type { getWaveResults } from "../../api/waves/results.service.ts";
import type { BaselineRow } from "./results.baseline.sql.ts";

type WaveResults = Awaited<ReturnType<typeof getWaveResults>>;
interface Scored {
  n: number;
  mean: number;
  sd: number;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Checks that the baseline computes the same thing as the service: n, mean and sd per
 * question and per dimension, the value distribution and invited/responded counts, for
 * everyone and for every group the service shows. Returns the disagreements (empty = same).
 */
export function disagreements(service: WaveResults, baseline: BaselineRow[]): string[] {
  const out: string[] = [];
  const index = new Map(baseline.map((r) => [[r.kind, r.grouping, r.grp, r.item, r.value].join("|"), r]));
  const find = (kind: string, grouping: string | null, grp: string | null, item: string | null, value: number | null = null) =>
    index.get([kind, grouping, grp, item, value].join("|"));
  const compare = (label: string, s: Scored, b: BaselineRow | undefined) => {
    if (!b) return out.push(`${label}: missing in baseline`);
    for (const [field, sv, bv] of [
      ["n", s.n, b.n],
      ["mean", s.mean, b.mean],
      ["sd", s.sd, b.sd],
    ] as const) {
      if (bv === null || !close(sv, bv)) out.push(`${label} ${field}: service ${sv}, baseline ${bv}`);
    }
  };

  const o = service.overall;
  if (o.suppressed) out.push("overall results are suppressed: nothing to compare");
  const overallQuestions = baseline.filter((r) => r.kind === "question" && r.grouping === null);
  if (o.questions.length !== overallQuestions.length) {
    out.push(`overall: service has ${o.questions.length} questions, baseline ${overallQuestions.length}`);
  }
  for (const q of o.questions) {
    compare(`overall question ${q.question}`, q, find("question", null, null, q.question));
    for (const [value, n] of Object.entries(q.distribution)) {
      const b = find("distribution", null, null, q.question, Number(value));
      if ((b?.n ?? 0) !== n) out.push(`overall distribution ${q.question}=${value}: service ${n}, baseline ${b?.n ?? 0}`);
    }
  }
  for (const d of o.dimensions) compare(`overall dimension ${d.dimension}`, d, find("dimension", null, null, d.dimension));
  const total = find("count", null, null, null);
  if (total?.n !== o.invited || total?.a !== o.respondents) {
    out.push(`overall counts: service ${o.invited}/${o.respondents}, baseline ${total?.n}/${total?.a}`);
  }

  for (const [grouping, groups] of Object.entries(service.groups)) {
    for (const g of groups) {
      const count = find("count", grouping, g.key, null);
      if (!count) {
        out.push(`${grouping} ${g.key}: missing in baseline`);
        continue;
      }
      if (g.suppressed) continue;
      if (count.n !== g.invited || count.a !== g.respondents) {
        out.push(`${grouping} ${g.key} counts: service ${g.invited}/${g.respondents}, baseline ${count.n}/${count.a}`);
      }
      for (const q of g.questions)
        if ("mean" in q) compare(`${grouping} ${g.key} question ${q.question}`, q, find("question", grouping, g.key, q.question));
      for (const d of g.dimensions)
        if ("mean" in d) compare(`${grouping} ${g.key} dimension ${d.dimension}`, d, find("dimension", grouping, g.key, d.dimension));
    }
  }
  return out;
}

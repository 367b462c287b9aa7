/**
 * Auditors may not audit their own work (ISO 9001 9.2.2 c: objectivity and impartiality).
 * Two rules: no auditor owns the audited process, and no auditor is also an auditee.
 */
export type IndependenceRule = "process_owner" | "auditee";

export interface IndependenceProblem {
  rule: IndependenceRule;
  auditorId: string;
}

export function independenceProblems(
  audit: { auditorIds: readonly string[]; auditeeIds: readonly string[] },
  process: { ownerIds: readonly string[] },
): IndependenceProblem[] {
  const problems: IndependenceProblem[] = [];
  for (const auditorId of audit.auditorIds) {
    if (process.ownerIds.includes(auditorId)) problems.push({ rule: "process_owner", auditorId });
    if (audit.auditeeIds.includes(auditorId)) problems.push({ rule: "auditee", auditorId });
  }
  return problems;
}

/** One Dutch sentence per problem, so the user sees which rule refused which person. */
export function independenceMessage(problems: IndependenceProblem[], nameOf: (userId: string) => string, processName: string) {
  const sentences = problems.map((p) =>
    p.rule === "process_owner"
      ? `${nameOf(p.auditorId)} is eigenaar van het proces '${processName}' en mag dat proces niet auditen.`
      : `${nameOf(p.auditorId)} staat zowel bij de auditoren als bij de geauditeerden.`,
  );
  return `Een auditor mag zijn eigen werk niet auditen. ${sentences.join(" ")}`;
}

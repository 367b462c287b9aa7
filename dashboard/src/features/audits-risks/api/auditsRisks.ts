import type { Item, Reply } from "../../../shared/api/contract.ts";
import { labelled } from "../../../shared/api/labels.ts";

/** The audit programme and the risk register, from the API (api/audits, api/risks). */
export type Programme = Reply<"getAuditProgramme">;
export type ProgrammeRow = Item<Programme["processes"]>;
export type Audit = Item<ProgrammeRow["audits"]>;
export type Person = Item<Audit["auditors"]>;
export type AuditStatus = Audit["status"];
export type Process = Item<Reply<"listProcesses">["processes"]>;
export type RiskMatrix = Reply<"getRiskMatrix">;
export type Level = keyof RiskMatrix["levels"];
export type Risk = Item<Reply<"listRisks">["risks"]>;
export type Heatmap = Reply<"listRisks">["heatmap"];
export type Assessment = Risk["inherent"];
export type Direction = NonNullable<Risk["movement"]>["direction"];
export type RiskHistoryEntry = Item<Reply<"getRisk">["history"]>;

const auditStatuses = labelled<AuditStatus>({
  gepland: "auditStatus.gepland",
  uitgevoerd: "auditStatus.uitgevoerd",
  gerapporteerd: "auditStatus.gerapporteerd",
  geannuleerd: "auditStatus.geannuleerd",
});
export const AUDIT_STATUS_KEY = auditStatuses.keys;
const LEVEL_ORDER: Record<Level, number> = { laag: 0, middel: 1, hoog: 2, kritiek: 3 };
export const LEVELS = (Object.keys(LEVEL_ORDER) as Level[]).sort((a, b) => LEVEL_ORDER[a] - LEVEL_ORDER[b]);
const changes = labelled<RiskHistoryEntry["change"]>({
  created: "riskChange.created",
  updated: "riskChange.updated",
  reviewed: "riskChange.reviewed",
  closed: "riskChange.closed",
});
export const CHANGE_KEY = changes.keys;

export type AuditDetail = Reply<"getAudit">["audit"];
export type ChecklistItem = Item<AuditDetail["checklist"]>;
export type ChecklistResult = ChecklistItem["result"];
export type RiskDetailReply = Reply<"getRisk">;

export const CHECKLIST_RESULTS: readonly ChecklistResult[] = ["niet_beoordeeld", "conform", "afwijking", "kans"];
const checklistResults = labelled<ChecklistResult>({
  niet_beoordeeld: "arw.result.niet_beoordeeld",
  conform: "arw.result.conform",
  afwijking: "arw.result.afwijking",
  kans: "arw.result.kans",
});
export const CHECKLIST_RESULT_KEY = checklistResults.keys;

/** What an audit write changes: the programme, the audit, and the findings its report creates. */
export const AUDIT_CHANGES = ["getAuditProgramme", "getAudit", "listFindings", "getQualityDigest", "listProcesses"] as const;
/** What a risk write changes: the register, the risk, its actions and the digest. */
export const RISK_CHANGES = ["listRisks", "getRisk", "getRiskMatrix", "listActions", "getQualityDigest"] as const;

/** The calendar quarter of a day (1–4), and a day in the middle of a quarter to plan on. */
export const quarterOf = (isoDay: string) => Math.floor((Number(isoDay.slice(5, 7)) - 1) / 3) + 1;
export const quarterStart = (year: number, q: number) => `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
export const quarterEnd = (year: number, q: number) => `${year}-${String(q * 3).padStart(2, "0")}-${q === 1 || q === 4 ? "31" : "30"}`;
export const quarterMiddle = (year: number, q: number) => `${year}-${String((q - 1) * 3 + 2).padStart(2, "0")}-15`;

/** "8.5.1, Werkinstructie casusoverleg" → criteria; something that starts with a digit must be a clause. */
const CLAUSE = /^(4|5|6|7|8|9|10)(\.\d{1,2}){0,3}$/;
export const isClause = (c: string) => CLAUSE.test(c);
export function parseCriteria(text: string) {
  const list = [
    ...new Set(
      text
        .split(/[,;\n]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  return { criteria: list, invalid: list.filter((c) => /^\d/.test(c) && !isClause(c)) };
}

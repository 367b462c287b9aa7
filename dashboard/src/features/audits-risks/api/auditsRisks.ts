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

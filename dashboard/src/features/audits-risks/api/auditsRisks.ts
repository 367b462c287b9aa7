import type { MessageKey } from "../../../../../i18n/messages.ts";

/** Shapes of the audit programme and the risk register as the dashboard reads them (api/audits, api/risks). */
export interface Person { id: string; name: string }

export type AuditStatus = "gepland" | "uitgevoerd" | "gerapporteerd" | "geannuleerd";
export const AUDIT_STATUS_KEY: Record<AuditStatus, MessageKey> = {
  gepland: "auditStatus.gepland", uitgevoerd: "auditStatus.uitgevoerd", gerapporteerd: "auditStatus.gerapporteerd", geannuleerd: "auditStatus.geannuleerd",
};

export interface Audit {
  id: string; ref: string; year: number; processId: string; processName: string; scope: string; criteria: string[];
  auditors: Person[]; auditees: Person[]; plannedOn: string; actualOn: string | null; status: AuditStatus;
  reportedOn: string | null; late: boolean; reportLate: boolean;
}

export interface ProgrammeRow {
  processId: string; name: string; riskWeight: number; owners: Person[];
  recommended: number; reason: string; planned: number; shortfall: boolean; audits: Audit[];
}

export interface Programme {
  year: number; today: string; processes: ProgrammeRow[];
  totals: { planned: number; done: number; reported: number; late: number; reportLate: number; cancelled: number; shortfalls: number };
}

export interface Process { id: string; name: string; riskWeight: number; owners: Person[] }

export const LEVELS = ["laag", "middel", "hoog", "kritiek"] as const;
export type Level = (typeof LEVELS)[number];

export interface RiskMatrix {
  levels: Record<Level, { label: string; colour: string }>;
  likelihood: string[]; impact: string[];
  /** grid[likelihood - 1][impact - 1] */
  grid: Level[][];
}

export interface Assessment { likelihood: number; impact: number; score: number; level: Level }
export type Direction = "omlaag" | "gelijk" | "omhoog";

export interface Risk {
  id: string; ref: string; kind: "risk" | "opportunity"; title: string; description: string;
  processId: string | null; processName: string | null; treatment: string; ownerId: string; ownerName: string;
  inherent: Assessment; residual: Assessment;
  reviewIntervalDays: number; lastReviewedOn: string; nextReviewOn: string | null; reviewOverdue: boolean;
  closedOn: string | null; version: number;
  actions: { id: string; ref: string; title: string; status: string; dueOn: string }[];
  movement: { since: string; sinceVersion: number; previous: Assessment; current: Assessment; direction: Direction } | null;
}

/** Counts of open risks per cell, [likelihood - 1][impact - 1]. */
export interface Heatmap { inherent: number[][]; residual: number[][] }

export interface RiskHistoryEntry {
  version: number; changedAt: string; changedBy: string | null; changedByName: string | null;
  change: "created" | "updated" | "reviewed" | "closed"; note: string | null;
  changes: { field: string; label: string; from: unknown; to: unknown }[];
}

export const CHANGE_KEY: Record<RiskHistoryEntry["change"], MessageKey> = {
  created: "riskChange.created", updated: "riskChange.updated", reviewed: "riskChange.reviewed", closed: "riskChange.closed",
};

import type { OperationId } from "../../../shared/api/contract.ts";

/** What a change to a finding, its actions, evidence or reviews can alter: reloaded after each. */
export const FINDING_CHANGES = [
  "getFinding",
  "listFindings",
  "listActions",
  "getQualityDigest",
  "evaluateAction",
  "getRisk",
  "listRisks",
] as const satisfies readonly OperationId[];

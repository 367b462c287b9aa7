import type { OperationId } from "../../../shared/api/contract.ts";

/** What registering or updating a case or a conference alters. */
export const REGISTRY_CHANGES = [
  "listCases",
  "getCase",
  "listConferences",
  "getConference",
  "getConferenceMetrics",
] as const satisfies readonly OperationId[];

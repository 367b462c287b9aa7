import type { MessageKey } from "../../../../../i18n/messages.ts";
import type { Body, Item, OperationId, Reply } from "../../../shared/api/contract.ts";

/** The hours registry's shapes, from the API (api/registry/registry.routes.ts). */
export type Activity = Item<Reply<"listActivities">["activities"]>;
export type ActivityKind = Activity["kind"];
export type NewActivity = Body<"createActivity">;
export type Week = Reply<"getMyWeek">;

const KIND_ORDER: Record<ActivityKind, MessageKey> = {
  casusoverleg: "hours.kind.casusoverleg",
  voorbereiding: "hours.kind.voorbereiding",
  procesregie: "hours.kind.procesregie",
  advies: "hours.kind.advies",
  netwerkoverleg: "hours.kind.netwerkoverleg",
  training_voorlichting: "hours.kind.training_voorlichting",
  overig: "hours.kind.overig",
};
export const KIND_KEY = KIND_ORDER;
export const ACTIVITY_KINDS = Object.keys(KIND_ORDER) as ActivityKind[];

/** What registering or correcting hours alters: the week, the lists, and Rendement's figures. */
export const HOURS_CHANGES = [
  "getMyWeek",
  "listActivities",
  "getConferenceMetrics",
  "getMunicipalityFigures",
] as const satisfies readonly OperationId[];

/** A staff function as people read it: "procesregisseur", "ondersteuning" (the rate keys are lower-case words). */
export const roleLabel = (key: string) => key.replace(/_/g, " ");

import type { Body, Item, Reply } from "../../../shared/api/contract.ts";

/** The case registry's shapes, from the API (api/registry/registry.routes.ts). */
export type Case = Item<Reply<"listCases">["cases"]>;
export type Conference = Item<Reply<"listConferences">["conferences"]>;
export type FollowUp = Item<Conference["followUps"]>;
export type FollowUpState = FollowUp["state"];
export type CaseStatus = Case["status"];
export type Attendance = Item<Body<"createConference">["attendance"]>["status"];
export type Municipality = Item<Reply<"listMunicipalities">["municipalities"]>;
export type Theme = Item<Reply<"listThemes">["themes"]>;
export type Organisation = Item<Reply<"listOrganisations">["organisations"]>;
export type Delivery = Item<Reply<"listReportDeliveries">["deliveries"]>;
/** An open record in the API's schema today (issue 12, API half): read as the service returns it. */
export type Metrics = Reply<"getConferenceMetrics">;
export type Share = Metrics["directorAssigned"];
export type Spread = Metrics["leadTimeDays"]["toClosure"];
export type CostRow = Item<Metrics["hours"]["byCase"]>;

const STATUS_ORDER: Record<CaseStatus, true> = { aangemeld: true, in_behandeling: true, afgesloten: true };
export const CASE_STATUSES = Object.keys(STATUS_ORDER) as CaseStatus[];
const ATTENDANCE_ORDER: Record<Attendance, true> = { aanwezig: true, informatie_aangeleverd: true, telefonisch_video: true, afwezig: true };
export const ATTENDANCE = Object.keys(ATTENDANCE_ORDER) as Attendance[];
const ELEMENT_ORDER: Record<keyof Conference["recorded"], true> = {
  aanleiding: true,
  doel: true,
  aanpak: true,
  casusregisseur: true,
  vervolgafspraken: true,
};
export const ELEMENTS = Object.keys(ELEMENT_ORDER) as (keyof Conference["recorded"])[];

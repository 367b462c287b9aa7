import type { MessageKey } from "../../../../../i18n/messages.ts";
import type { Item, OperationId, Reply } from "../../../shared/api/contract.ts";
import { labelled } from "../../../shared/api/labels.ts";
import { useReply } from "../../../shared/api/query.ts";
import { useCan } from "../../account/api/session.ts";
import { branchesOf, namer } from "../../registry/api/useReference.ts";

/**
 * Survey operations: the waves (metingen), their fieldwork, contact lists and e-mail.
 * Types come from the API contract; what a change invalidates is listed once here.
 */
export type Wave = Item<Reply<"listWaves">["waves"]>;
export type WaveDetail = Reply<"getWaveDetail">["wave"];
export type WaveStatus = Wave["status"];
export type StatusAction = "open" | "pause" | "resume" | "extend" | "close";
export type WaveContact = Item<Reply<"listWaveContacts">["contacts"]>;
export type Contact = Item<Reply<"listContacts">["contacts"]>;
export type OutboxMessage = Item<Reply<"listOutbox">["messages"]>;
export type MailTemplate = Item<Reply<"listMailTemplates">["templates"]>;

export function useWaves() {
  const res = useReply("listWaves", "/waves");
  return { ...res, list: res.data?.waves ?? [] };
}

export const STATUS = labelled<WaveStatus>({
  gepland: "waves.status.gepland",
  open: "waves.status.open",
  gepauzeerd: "waves.status.gepauzeerd",
  gesloten: "waves.status.gesloten",
});

/** Which status changes make sense from each status (the API refuses the rest with 409). */
export const ACTIONS_FROM: Record<WaveStatus, StatusAction[]> = {
  gepland: ["open", "close"],
  open: ["pause", "extend", "close"],
  gepauzeerd: ["resume", "extend", "close"],
  gesloten: ["extend"],
};

export const ACTION_KEY: Record<StatusAction, MessageKey> = {
  open: "wave.doOpen",
  pause: "wave.doPause",
  resume: "wave.doResume",
  extend: "wave.doExtend",
  close: "wave.doClose",
};

export const MAIL_STATUSES = ["pending", "sending", "sent", "rejected", "bounced", "failed", "cancelled"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
const MAIL_STATUS_KEY: Record<MailStatus, MessageKey> = {
  pending: "mailStatus.pending",
  sending: "mailStatus.sending",
  sent: "mailStatus.sent",
  rejected: "mailStatus.rejected",
  bounced: "mailStatus.bounced",
  failed: "mailStatus.failed",
  cancelled: "mailStatus.cancelled",
};
/** The API sends the status as text; an unknown one is shown as it is rather than hidden. */
export const mailStatusKey = (status: string): MessageKey | null =>
  (MAIL_STATUSES as readonly string[]).includes(status) ? MAIL_STATUS_KEY[status as MailStatus] : null;

/** What a change to a wave touches: the list, the detail, the fieldwork and the results' default wave. */
export const WAVE_READS: readonly OperationId[] = ["listWaves", "getWaveDetail", "getWaveFieldwork", "getLatestClosedWave"];
/** What sending mail or importing contacts touches. */
export const MAIL_READS: readonly OperationId[] = ["listWaveContacts", "listOutbox", "getWaveFieldwork", "getWaveDetail", "listWaves"];
export const CONTACT_READS: readonly OperationId[] = ["listContacts", ...MAIL_READS];

/** yyyy-mm-dd (a date input) to the instant the API stores: the start of that day in UTC. */
export const dayStart = (day: string) => `${day}T00:00:00.000Z`;
/** A closing date is the end of the chosen day, so a wave "closing on 12 March" still runs that day. */
export const dayEnd = (day: string) => `${day}T23:59:59.000Z`;
/** "7, 14" to [7, 14]; null when a part is no whole day in 1..120. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const days = parts.map(Number);
  return days.every((d) => Number.isInteger(d) && d >= 1 && d <= 120) ? days : null;
}

/**
 * Names for the municipality and branch ids the API sends. Read only by who may list the
 * municipalities (every role that runs fieldwork may); anyone else would see the ids.
 */
export function usePlaceNames() {
  const may = useCan()("municipality:read");
  const res = useReply("listMunicipalities", may ? "/municipalities" : null);
  const list = res.data?.municipalities ?? [];
  return { municipality: namer(list), branch: namer(branchesOf(list)) };
}

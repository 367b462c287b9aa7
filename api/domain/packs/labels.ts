/**
 * What the readable parts of a pack (the PDFs and index.html) show for a stored code: the Dutch label
 * from the one message catalog, as the dashboard shows it. The CSV and JSON files keep the codes: they
 * are the records as stored (the audit trail's codes are part of its hashes).
 */
import { messages, type MessageKey } from "../../../i18n/messages.ts";

const NL = messages.nl as Record<string, string>;

/** The label under `prefix.code`; a code the catalog does not know yet is shown readable, not as snake_case. */
export function labelOf(prefix: string, code: string | null | undefined): string {
  if (!code) return "–";
  return NL[`${prefix}.${code}`] ?? code.replace(/_/g, " ");
}

/** One catalog text in Dutch. */
export const nl = (key: MessageKey) => NL[key];

export const findingClassLabel = (code: string) => labelOf("class", code);
export const findingSourceLabel = (code: string) => labelOf("source", code);
export const findingStatusLabel = (code: string) => labelOf("findingStatus", code);
export const actionStatusLabel = (code: string) => labelOf("actionStatus", code);
export const auditStatusLabel = (code: string) => labelOf("auditStatus", code);
/** The trail's words are the dashboard's (auditAction.*, auditEntity.*); a table cell starts with a capital. */
export const trailActionLabel = (code: string) => labelOf("auditAction", code);
export const trailEntityLabel = (code: string) => {
  const label = labelOf("auditEntity", code);
  return label.charAt(0).toUpperCase() + label.slice(1);
};

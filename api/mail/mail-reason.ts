import { z } from "@hono/zod-openapi";
import { CodedTextSchema } from "../lib/errors.ts";
import { orNull } from "../lib/row-schema.ts";
import { errorText, type ErrorCode } from "../lib/error-text.ts";

/** Why a message was not (yet) delivered: the catalog's error.mail_* codes, stored in mail_outbox.error_code. */
export type MailErrorCode = Extract<ErrorCode, `mail_${string}`>;

/**
 * An outbox row's reason as the API sends it: the code and the catalog's Dutch beside it, so a client
 * with the catalog says it in its reader's language. The server's own text travels apart, as-is.
 */
export function mailReason(code: string | null): { code: string; message: string } | null {
  return code ? { code, message: errorText("nl", code) ?? code } : null;
}

/** Why not (yet) delivered, by catalog code (error.mail_*), or null; a union, so the contract keeps the CodedText reference whole. */
export const MailReasonSchema = orNull(CodedTextSchema);
/** The raw text next to the reason: not ours to translate. */
export const MailServerTextSchema = z
  .string()
  .nullable()
  .openapi({ description: "De eigen tekst van de mailserver of de bounce, ongewijzigd" });

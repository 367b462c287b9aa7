import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { MailReasonSchema, MailServerTextSchema } from "./mail-reason.ts";
import { code, line, text } from "../lib/fields.ts";
import { MAIL_KINDS } from "../domain/mail/templates.ts";
import { fieldError } from "../lib/error-fields.ts";

const tags = ["E-mail"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const WaveParams = z.object({ waveId: z.uuid().openapi({ param: { name: "waveId", in: "path" } }) });

export const TemplateSchema = z
  .object({
    kind: z.enum(MAIL_KINDS),
    subject: z.string(),
    body: z.string(),
    custom: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .openapi("MailTemplate");

export const listMailTemplates = defineRoute({
  method: "get",
  path: "/mail/templates",
  operationId: "listMailTemplates",
  permission: "fieldwork:manage",
  tags,
  summary: "De e-mailsjablonen (uitnodiging, herinnering) met hun plaatshouders",
  responses: {
    200: {
      description: "Sjablonen",
      ...json(z.object({ templates: z.array(TemplateSchema), placeholders: z.record(z.string(), z.string()) })),
    },
  },
});

export const updateMailTemplate = defineRoute({
  method: "put",
  path: "/mail/templates/{kind}",
  operationId: "updateMailTemplate",
  permission: "fieldwork:manage",
  tags,
  summary: "Een sjabloon wijzigen ({naam}, {organisatie}, {link}, {sluitdatum}, {contactpersoon}, {afmeldlink})",
  request: {
    params: z.object({ kind: z.enum(MAIL_KINDS).openapi({ param: { name: "kind", in: "path" } }) }),
    body: { required: true, ...json(z.object({ subject: line(200, 3), body: text(10_000, 10) }).strict()) },
  },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ template: TemplateSchema })) }, ...errorResponses(400) },
});

export const sendInvitations = defineRoute({
  method: "post",
  path: "/waves/{waveId}/mail/invitations",
  operationId: "sendInvitations",
  permission: "fieldwork:manage",
  tags,
  summary: "Uitnodigingen klaarzetten voor iedereen op de contactlijst die er nog geen kreeg (afmeldingen overgeslagen)",
  request: { params: WaveParams },
  responses: {
    202: { description: "Klaargezet", ...json(z.object({ queued: z.number().int(), alreadyQueued: z.number().int() })) },
    ...errorResponses(404, 409),
  },
});

export const sendReminders = defineRoute({
  method: "post",
  path: "/waves/{waveId}/mail/reminders",
  operationId: "sendReminders",
  permission: "fieldwork:manage",
  tags,
  summary: "Herinnering klaarzetten, alleen voor wie nog niet instuurde (anoniem: alleen op grond van de ongebruikte uitnodiging)",
  request: { params: WaveParams },
  responses: {
    202: {
      description: "Klaargezet",
      ...json(z.object({ round: z.number().int(), queued: z.number().int(), alreadyQueued: z.number().int() })),
    },
    ...errorResponses(404, 409),
  },
});

export const resendInvitationLink = defineRoute({
  method: "post",
  path: "/waves/{waveId}/invitations/{invitationId}/resend",
  operationId: "resendInvitationLink",
  permission: "fieldwork:manage",
  tags,
  summary: "Link opnieuw sturen: nieuwe link, de oude werkt niet meer, tussentijds bewaarde antwoorden blijven",
  request: { params: WaveParams.extend({ invitationId: z.uuid().openapi({ param: { name: "invitationId", in: "path" } }) }) },
  responses: {
    200: {
      description: "Nieuwe link",
      ...json(z.object({ invitationId: z.string(), url: z.string(), token: z.string(), queued: z.boolean() })),
    },
    ...errorResponses(404, 409),
  },
});

export const OutboxMessageSchema = z
  .object({
    id: z.string(),
    waveId: z.string().nullable(),
    invitationId: z.string().nullable(),
    contactId: z.string().nullable(),
    kind: z.string(),
    round: z.number().int(),
    to: z.string().nullable(),
    subject: z.string(),
    body: z.string().nullable(),
    status: z.string(),
    attempts: z.number().int(),
    reason: MailReasonSchema,
    error: MailServerTextSchema,
    messageId: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("OutboxMessage");

export const listOutbox = defineRoute({
  method: "get",
  path: "/mail/outbox",
  operationId: "listOutbox",
  permission: "contacts:manage",
  tags,
  summary: "Berichten per ontvanger met hun status (zonder SMTP: de postvak-uit om zelf te versturen)",
  request: {
    query: z.object({
      waveId: z.uuid().optional(),
      status: z.enum(["pending", "sending", "sent", "rejected", "bounced", "failed", "cancelled"]).optional(),
    }),
  },
  responses: {
    200: {
      description: "Berichten",
      ...json(
        z.object({
          messages: z.array(OutboxMessageSchema),
          smtp: z.boolean().openapi({ description: "Berichten gaan via SMTP de deur uit" }),
        }),
      ),
    },
    ...errorResponses(400),
  },
});

export const recordBounce = defineRoute({
  method: "post",
  path: "/mail/bounces",
  operationId: "recordBounce",
  permission: "fieldwork:manage",
  tags,
  summary: "Een bounce vastleggen bij het bericht (op Message-ID of bericht-id)",
  request: {
    body: {
      required: true,
      ...json(
        z
          .object({ messageId: code(300).optional(), outboxId: z.uuid().optional(), reason: line(500, 2) })
          .strict()
          .refine((b) => b.messageId || b.outboxId, { ...fieldError("message_or_outbox_id"), path: ["messageId"] }),
      ),
    },
  },
  responses: {
    200: { description: "Vastgelegd", ...json(z.object({ id: z.string(), status: z.literal("bounced") })) },
    ...errorResponses(400, 404),
  },
});

const UnsubscribeParams = z.object({
  token: z
    .string()
    .regex(/^[a-z2-7]{16,64}$/, "Ongeldige link.")
    .openapi({ param: { name: "token", in: "path" } }),
});

export const unsubscribePage = defineRoute({
  method: "get",
  path: "/u/{token}",
  operationId: "unsubscribePage",
  permission: "public",
  tags,
  summary: "Afmeldpagina uit de e-mail (vraagt bevestiging; een linkscanner meldt niemand af)",
  request: { params: UnsubscribeParams },
  responses: { 200: { description: "Pagina", content: { "text/html": { schema: z.string() } } }, ...errorResponses(400) },
});

export const unsubscribe = defineRoute({
  method: "post",
  path: "/u/{token}",
  operationId: "unsubscribe",
  permission: "public",
  tags,
  summary: "Afmelden: geen e-mail meer over onderzoeken (ook RFC 8058 one-click)",
  request: { params: UnsubscribeParams },
  responses: {
    200: {
      description: "Afgemeld",
      content: { "application/json": { schema: z.object({ optedOut: z.literal(true) }) }, "text/html": { schema: z.string() } },
    },
    ...errorResponses(400, 404),
  },
});

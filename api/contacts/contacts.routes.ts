import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { ORGANISATION_TYPES } from "../../db/schema.ts";
import { errorResponses } from "../lib/errors.ts";
import { MailReasonSchema, MailServerTextSchema } from "../mail/mail-reason.ts";
import { line } from "../lib/fields.ts";

const tags = ["Contacten"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const ContactParams = z.object({ contactId: z.uuid().openapi({ param: { name: "contactId", in: "path" } }) });
const WaveParams = z.object({ waveId: z.uuid().openapi({ param: { name: "waveId", in: "path" } }) });

export const ContactSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    organisation: z.string(),
    organisationType: z.enum(ORGANISATION_TYPES),
    municipalityId: z.string().nullable(),
    branchId: z.string().nullable(),
    optedOut: z.boolean(),
    optedOutAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Contact");

export const listContacts = defineRoute({
  method: "get",
  path: "/contacts",
  operationId: "listContacts",
  permission: "contacts:manage",
  tags,
  summary: "Het adresboek van partners (hergebruikt per meting; afmeldingen blijven gelden)",
  request: { query: z.object({ q: line(100).optional() }) },
  responses: { 200: { description: "Contacten", ...json(z.object({ contacts: z.array(ContactSchema) })) }, ...errorResponses(400) },
});

export const ImportSchema = z
  .object({
    format: z.enum(["csv", "xlsx"]),
    content: z.string().min(1).max(240_000).openapi({ description: "CSV als tekst (geplakt of geüpload), of het XLSX-bestand in base64" }),
    waveId: z.uuid().optional().openapi({ description: "Ook op de contactlijst van deze meting zetten" }),
  })
  .strict();

export const ImportResultSchema = z
  .object({
    rows: z.number().int(),
    merged: z.number().int().openapi({ description: "Regels met een e-mailadres dat eerder in de lijst stond, samengevoegd" }),
    created: z.number().int(),
    updated: z.number().int(),
    optedOut: z.number().int(),
    addedToWave: z.number().int(),
    alreadyInWave: z.number().int(),
  })
  .openapi("ContactImportResult");

export const importContacts = defineRoute({
  method: "post",
  path: "/contacts/import",
  operationId: "importContacts",
  permission: "contacts:manage",
  tags,
  summary:
    "Contactlijst importeren (CSV of XLSX; kolommen organisatie, type, gemeente, vestiging, e-mail, naam, opt-out). Eén foute regel: niets geïmporteerd, fouten per regelnummer",
  request: { body: { required: true, ...json(ImportSchema) } },
  responses: { 200: { description: "Geïmporteerd", ...json(ImportResultSchema) }, ...errorResponses(400, 404, 409) },
});

export const updateContact = defineRoute({
  method: "patch",
  path: "/contacts/{contactId}",
  operationId: "updateContact",
  permission: "contacts:manage",
  tags,
  summary: "Opt-out zetten of opheffen",
  request: { params: ContactParams, body: { required: true, ...json(z.object({ optedOut: z.boolean() }).strict()) } },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ contact: ContactSchema })) }, ...errorResponses(400, 404) },
});

export const exportContact = defineRoute({
  method: "get",
  path: "/contacts/{contactId}/export",
  operationId: "exportContact",
  permission: "contacts:manage",
  tags,
  summary: "Inzage (AVG art. 15): alles wat over dit contact is vastgelegd",
  request: { params: ContactParams },
  responses: {
    200: {
      description: "Gegevens",
      ...json(
        z
          .object({
            contact: ContactSchema,
            invitations: z.array(
              z.object({
                wave: z.string(),
                organisation: z.string(),
                invitedAt: z.string(),
                openedAt: z.string().nullable(),
                submitted: z.boolean(),
                note: z.string().nullable(),
              }),
            ),
            messages: z.array(
              z.object({
                kind: z.string(),
                round: z.number().int(),
                status: z.string(),
                to: z.string().nullable(),
                subject: z.string(),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
                reason: MailReasonSchema,
                error: MailServerTextSchema,
              }),
            ),
          })
          .openapi("ContactExport"),
      ),
    },
    ...errorResponses(404),
  },
});

export const eraseContact = defineRoute({
  method: "delete",
  path: "/contacts/{contactId}",
  operationId: "eraseContact",
  permission: "contacts:manage",
  tags,
  summary: "Wissen (AVG art. 17): contact weg, adres en naam uit alle uitnodigingen en berichten",
  request: { params: ContactParams },
  responses: {
    200: { description: "Gewist", ...json(z.object({ erased: z.literal(true), invitations: z.number().int() })) },
    ...errorResponses(404),
  },
});

export const eraseExpiredContacts = defineRoute({
  method: "post",
  path: "/contacts/erase-expired",
  operationId: "eraseExpiredContacts",
  permission: "contacts:manage",
  tags,
  summary:
    "Bewaartermijn: e-mailadressen en namen wissen van metingen die langer dan hun termijn gesloten zijn (loopt ook dagelijks vanzelf)",
  responses: {
    200: {
      description: "Gewist",
      ...json(z.object({ erased: z.array(z.object({ waveId: z.string(), name: z.string(), invitations: z.number().int() })) })),
    },
  },
});

export const listWaveContacts = defineRoute({
  method: "get",
  path: "/waves/{waveId}/contacts",
  operationId: "listWaveContacts",
  permission: "contacts:manage",
  tags,
  summary: "De contactlijst van een meting met de stand per contact (berichten, geopend, ingestuurd)",
  request: { params: WaveParams },
  responses: {
    200: {
      description: "Contactlijst",
      ...json(
        z
          .object({
            contacts: z.array(
              z.object({
                invitationId: z.string(),
                contactId: z.string().nullable(),
                email: z.string().nullable(),
                name: z.string().nullable(),
                organisation: z.string(),
                organisationType: z.enum(ORGANISATION_TYPES),
                municipalityId: z.string().nullable(),
                branchId: z.string().nullable(),
                openedAt: z.string().nullable(),
                startedAt: z.string().nullable(),
                submitted: z.boolean(),
                messages: z.array(
                  z.object({
                    kind: z.string(),
                    round: z.number().int(),
                    status: z.string(),
                    sentAt: z.string().nullable(),
                    reason: MailReasonSchema,
                    error: MailServerTextSchema,
                  }),
                ),
              }),
            ),
          })
          .openapi("WaveContacts"),
      ),
    },
    ...errorResponses(404),
  },
});

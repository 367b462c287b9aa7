import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { IsoDate } from "../registry/registry.schemas.ts";

const tags = ["Bewijspakket"];

/** Query strings carry no unknown fields into the export: strict, like every input. */
export const PackQuerySchema = z
  .object({
    from: IsoDate.openapi({ description: "Eerste dag van de periode (yyyy-mm-dd)" }),
    to: IsoDate.openapi({ description: "Laatste dag van de periode (yyyy-mm-dd), vóór vandaag" }),
    clauses: z
      .string()
      .max(200)
      .regex(/^[0-9., ]*$/, "Paragrafen als 6.1,9.1.2,10.2")
      .optional()
      .openapi({ description: "Komma-gescheiden ISO 9001-paragrafen; standaard alle (6.1, 7.5, 9.1.2, 9.1.3, 9.2, 9.3, 10.2)" }),
  })
  .strict();

export const exportEvidence = defineRoute({
  method: "get",
  path: "/evidence-pack",
  operationId: "exportEvidence",
  permission: "evidence:export",
  tags,
  summary:
    "Bewijspakket voor de ISO 9001-auditor over een periode (ZIP, BagIt, reproduceerbaar), per paragraaf, met de stand aan het einde van de periode",
  request: { query: PackQuerySchema },
  responses: {
    200: {
      description: "ZIP-bestand; de SHA-256 komt met de export in de audittrail",
      content: { "application/zip": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export const SigningKeySchema = z
  .object({
    algorithm: z.literal("Ed25519"),
    publicKey: z.string().openapi({ description: "Ruwe publieke sleutel (32 bytes), base64" }),
    fingerprint: z.string().openapi({ description: "SHA-256 van de ruwe publieke sleutel, hexadecimaal" }),
  })
  .openapi("SigningKey");

export const getSigningKey = defineRoute({
  method: "get",
  path: "/evidence-pack/key",
  operationId: "getSigningKey",
  // A public key is for everyone who must check a pack, also an auditor without an account here.
  permission: "public",
  tags,
  summary: "De publieke sleutel waarmee deze installatie bewijspakketten ondertekent (Ed25519), met vingerafdruk",
  responses: {
    200: { description: "Publieke sleutel", content: { "application/json": { schema: SigningKeySchema } } },
  },
});

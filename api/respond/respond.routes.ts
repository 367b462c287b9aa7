import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { SurveyAnswersSchema, SurveyDefinitionSchema } from "../lib/json-schemas.ts";

const tags = ["Enquête invullen"];
const TokenParams = z.object({
  token: z
    .string()
    .regex(/^[a-z2-7]{16,64}$/, "Ongeldige link.")
    .openapi({ param: { name: "token", in: "path" } }),
});
const AnswersBody = z.object({ data: z.record(z.string(), z.unknown()) }).strict();
const failures = errorResponses(400, 403, 404, 409, 410, 413, 422);

export const getSurveyByToken = defineRoute({
  method: "get",
  path: "/s/{token}",
  operationId: "getSurveyByToken",
  permission: "public",
  tags,
  summary: "De vragenlijst en eerder bewaarde antwoorden bij een persoonlijke link",
  request: { params: TokenParams },
  responses: {
    200: {
      description: "Vragenlijst",
      content: {
        "application/json": {
          schema: z.object({
            wave: z.object({ name: z.string(), closesAt: z.string(), anonymous: z.boolean() }),
            organisation: z.string(),
            definition: SurveyDefinitionSchema,
            data: SurveyAnswersSchema,
          }),
        },
      },
    },
    ...failures,
  },
});

export const saveProgress = defineRoute({
  method: "put",
  path: "/s/{token}/progress",
  operationId: "saveProgress",
  permission: "public",
  tags,
  summary: "Tussentijds bewaren",
  request: { params: TokenParams, body: { required: true, content: { "application/json": { schema: AnswersBody } } } },
  responses: {
    200: { description: "Bewaard", content: { "application/json": { schema: z.object({ savedAt: z.string() }) } } },
    ...failures,
  },
});

export const submitResponse = defineRoute({
  method: "post",
  path: "/s/{token}/response",
  operationId: "submitResponse",
  permission: "public",
  tags,
  summary: "Antwoorden definitief insturen (idempotent met Idempotency-Key)",
  request: {
    params: TokenParams,
    headers: z.object({ "idempotency-key": z.string().min(8).max(200).optional() }),
    body: { required: true, content: { "application/json": { schema: AnswersBody } } },
  },
  responses: {
    200: {
      description: "Eerder ontvangen (herhaling)",
      content: { "application/json": { schema: z.object({ receipt: z.string(), submittedAt: z.string(), replayed: z.boolean() }) } },
    },
    201: {
      description: "Ontvangen (bij een anonieme meting is submittedAt alleen de dag, 00:00 UTC)",
      content: { "application/json": { schema: z.object({ receipt: z.string(), submittedAt: z.string(), replayed: z.boolean() }) } },
    },
    ...failures,
  },
});

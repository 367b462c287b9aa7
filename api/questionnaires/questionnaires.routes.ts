import { z } from "@hono/zod-openapi";
import { SurveyDefinitionSchema } from "../lib/json-schemas.ts";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { line } from "../lib/fields.ts";

const tags = ["Vragenlijsten"];
const IdParams = z.object({ questionnaireId: z.uuid().openapi({ param: { name: "questionnaireId", in: "path" } }) });
/** SurveyJS JSON: its shape is checked by checkDefinition, which names the element it refuses. */
const Definition = z.record(z.string(), z.unknown()).openapi("QuestionnaireDefinition", { description: "SurveyJS-JSON (survey-core)" });
const Title = line(200, 3);
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

export const RewordedSchema = z
  .object({
    question: z.string(),
    comparable: z.boolean().nullable(),
  })
  .openapi("RewordedQuestion");

export const VersionSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    inUse: z.boolean(),
    waves: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .openapi({ description: "De metingen die deze versie gebruiken (oudste eerst)." }),
    createdAt: z.string(),
  })
  .openapi("QuestionnaireVersionSummary");

export const VersionSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    version: z.number().int(),
    title: z.string(),
    definition: SurveyDefinitionSchema,
    inUse: z.boolean().openapi({ description: "Een meting gebruikt deze versie: ze is niet meer te wijzigen." }),
    basedOnId: z.string().nullable(),
    reworded: z
      .array(RewordedSchema)
      .openapi({ description: "Gescoorde vragen met dezelfde naam maar een andere tekst dan de vorige versie." }),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi("QuestionnaireVersion");

export const listQuestionnaires = defineRoute({
  method: "get",
  path: "/questionnaires",
  operationId: "listQuestionnaires",
  permission: "questionnaires:read",
  tags,
  summary: "De vragenlijstbibliotheek: elke vragenlijst met haar versies",
  responses: {
    200: {
      description: "Vragenlijsten",
      ...json(
        z.object({
          questionnaires: z.array(
            z.object({
              key: z.string(),
              title: z.string(),
              versions: z.array(VersionSummarySchema),
            }),
          ),
        }),
      ),
    },
  },
});

export const getQuestionnaireVersion = defineRoute({
  method: "get",
  path: "/questionnaires/{questionnaireId}",
  operationId: "getQuestionnaireVersion",
  permission: "questionnaires:read",
  tags,
  summary: "Eén versie van een vragenlijst, met de SurveyJS-JSON",
  request: { params: IdParams },
  responses: { 200: { description: "Versie", ...json(z.object({ questionnaire: VersionSchema })) }, ...errorResponses(404) },
});

export const NewQuestionnaireSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, "Kleine letters, cijfers en '-'."),
    title: Title,
    definition: Definition,
  })
  .strict();

export const createQuestionnaire = defineRoute({
  method: "post",
  path: "/questionnaires",
  operationId: "createQuestionnaire",
  permission: "questionnaires:write",
  tags,
  summary: "Nieuwe vragenlijst (versie 1)",
  request: { body: { required: true, ...json(NewQuestionnaireSchema) } },
  responses: { 201: { description: "Aangemaakt", ...json(z.object({ questionnaire: VersionSchema })) }, ...errorResponses(400, 409) },
});

export const createQuestionnaireVersion = defineRoute({
  method: "post",
  path: "/questionnaires/{questionnaireId}/versions",
  operationId: "createQuestionnaireVersion",
  permission: "questionnaires:write",
  tags,
  summary: "Nieuwe versie: een kopie van de nieuwste versie van deze vragenlijst",
  request: { params: IdParams },
  responses: { 201: { description: "Aangemaakt", ...json(z.object({ questionnaire: VersionSchema })) }, ...errorResponses(404) },
});

export const UpdateVersionSchema = z
  .object({
    title: Title.optional(),
    definition: Definition,
    /** Per reworded scored question: still comparable with earlier waves? */
    comparability: z.record(z.string().max(60), z.boolean()).default({}),
  })
  .strict();

export const updateQuestionnaireVersion = defineRoute({
  method: "put",
  path: "/questionnaires/{questionnaireId}",
  operationId: "updateQuestionnaireVersion",
  permission: "questionnaires:write",
  tags,
  summary: "Een versie wijzigen zolang geen meting haar gebruikt",
  request: { params: IdParams, body: { required: true, ...json(UpdateVersionSchema) } },
  responses: { 200: { description: "Gewijzigd", ...json(z.object({ questionnaire: VersionSchema })) }, ...errorResponses(400, 404, 409) },
});

export const previewQuestionnaire = defineRoute({
  method: "get",
  path: "/questionnaires/{questionnaireId}/preview",
  operationId: "previewQuestionnaire",
  permission: "questionnaires:read",
  tags,
  summary: "Voorbeeld: de vragenlijst zoals een partner haar krijgt (met n.v.t.-keuzes), in het Nederlands of Engels",
  request: { params: IdParams, query: z.object({ locale: z.enum(["nl", "en"]).default("nl") }) },
  responses: {
    200: { description: "Voorbeeld", ...json(z.object({ definition: SurveyDefinitionSchema, locale: z.enum(["nl", "en"]) })) },
    ...errorResponses(400, 404),
  },
});

export const testQuestionnaireAnswers = defineRoute({
  method: "post",
  path: "/questionnaires/{questionnaireId}/test-response",
  operationId: "testQuestionnaireAnswers",
  permission: "questionnaires:read",
  tags,
  summary: "Testinzending: controleert antwoorden zoals bij insturen, maar bewaart niets",
  request: { params: IdParams, body: { required: true, ...json(z.object({ data: z.record(z.string(), z.unknown()) }).strict()) } },
  responses: {
    200: {
      description: "Uitslag",
      ...json(
        z.object({
          valid: z.boolean(),
          stored: z.literal(false),
          errors: z.array(
            z.object({
              question: z.string(),
              reason: z.string(),
              code: z.string(),
              params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
              message: z.string(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(400, 404),
  },
});

import { z } from "@hono/zod-openapi";

/**
 * The few JSON objects whose keys are data, not contract: a SurveyJS definition (its own
 * format, versioned with the questionnaire), a respondent's answers keyed by question name,
 * and the changed fields an audit entry recorded. They are named components, so the
 * OpenAPI completeness test (tests/unit/openapi-contract.test.ts) can allow exactly these.
 */
export const OPEN_JSON_COMPONENTS = ["SurveyDefinition", "SurveyElement", "SurveyAnswers", "AuditFields"] as const;

const JsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A SurveyJS localisable string: Dutch text, or { default|nl, en }. Read it with localText (api/domain/survey/local-text.ts). */
const LocalisableText = z.union([z.string(), z.record(z.string(), z.string())]);

export const SurveyElementSchema = z
  .object({
    type: z.string(),
    name: z.string(),
    title: LocalisableText.optional(),
  })
  .catchall(z.unknown())
  .openapi("SurveyElement", {
    description: "Een SurveyJS-element (vraag of panel) met de eigen SurveyJS-eigenschappen; een gescoorde vraag heeft `dimension`.",
  });

export const SurveyDefinitionSchema = z
  .object({
    title: LocalisableText.optional(),
    pages: z.array(
      z.object({ name: z.string(), title: LocalisableText.optional(), elements: z.array(SurveyElementSchema) }).catchall(z.unknown()),
    ),
  })
  .catchall(z.unknown())
  .openapi("SurveyDefinition", { description: "Een SurveyJS-vragenlijst (JSON), zoals in de gekozen versie van de vragenlijst." });

export const SurveyAnswersSchema = z
  .record(z.string(), z.union([JsonScalar, z.array(JsonScalar), z.record(z.string(), z.unknown())]))
  .openapi("SurveyAnswers", { description: "SurveyJS-antwoorden per vraagnaam." });

export const AuditFieldsSchema = z
  .record(z.string(), z.unknown())
  .openapi("AuditFields", { description: "De vastgelegde velden van de wijziging, per veldnaam (inhoud verschilt per soort record)." });

import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./questionnaires.routes.ts";
import * as service from "./questionnaires.service.ts";

export const questionnairesRouter = createRouter()
  .openapi(routes.listQuestionnaires, async (c) => c.json({ questionnaires: await service.listQuestionnaires(c.var.deps.db) }, 200))
  .openapi(routes.getQuestionnaireVersion, async (c) =>
    c.json({ questionnaire: await service.getVersion(c.var.deps.db, c.req.valid("param").questionnaireId) }, 200),
  )
  .openapi(routes.createQuestionnaire, async (c) =>
    c.json(
      { questionnaire: await service.createQuestionnaire(c.var.deps.db, c.req.valid("json"), c.var.deps.config.now(), actorOf(c)) },
      201,
    ),
  )
  .openapi(routes.createQuestionnaireVersion, async (c) =>
    c.json(
      {
        questionnaire: await service.createVersion(
          c.var.deps.db,
          c.req.valid("param").questionnaireId,
          c.var.deps.config.now(),
          actorOf(c),
        ),
      },
      201,
    ),
  )
  .openapi(routes.updateQuestionnaireVersion, async (c) =>
    c.json(
      {
        questionnaire: await service.updateVersion(
          c.var.deps.db,
          c.req.valid("param").questionnaireId,
          c.req.valid("json"),
          c.var.deps.config.now(),
          actorOf(c),
        ),
      },
      200,
    ),
  )
  .openapi(routes.previewQuestionnaire, async (c) =>
    c.json(await service.previewVersion(c.var.deps.db, c.req.valid("param").questionnaireId, c.req.valid("query").locale), 200),
  )
  .openapi(routes.testQuestionnaireAnswers, async (c) =>
    c.json(await service.testAnswers(c.var.deps.db, c.req.valid("param").questionnaireId, c.req.valid("json").data), 200),
  );

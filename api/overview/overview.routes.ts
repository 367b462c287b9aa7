import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { OverviewSchema } from "./overview.schemas.ts";

export const getOverview = defineRoute({
  method: "get",
  path: "/overview",
  operationId: "getOverview",
  permission: "overview:read",
  tags: ["Overzicht"],
  summary:
    "Startpagina: tevredenheid van de laatste gesloten meting met trend, verbeteracties en hun effect, wat over de datum is, dit kwartaal tegen vorig jaar en lopende metingen",
  responses: {
    200: { description: "Overzicht", content: { "application/json": { schema: OverviewSchema } } },
    ...errorResponses(401, 403),
  },
});

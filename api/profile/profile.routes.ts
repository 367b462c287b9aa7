import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import { ProfileSchema } from "./profile.schemas.ts";

const tags = ["Instellingen"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });

export const getProfile = defineRoute({
  method: "get",
  path: "/profile",
  operationId: "getProfile",
  // The survey page shows it to partners before any login; it holds nothing that is not meant for them.
  permission: "public",
  tags,
  summary: "Profiel van het ZVH: naam, logo, contactpersoon en privacytekst (openbaar, voor de enquêtepagina)",
  responses: { 200: { description: "Profiel", ...json(ProfileSchema) } },
});

export const updateProfile = defineRoute({
  method: "put",
  path: "/profile",
  operationId: "updateProfile",
  permission: "registry:configure",
  tags,
  summary: "Profiel van het ZVH vastleggen",
  request: { body: { required: true, ...json(ProfileSchema) } },
  responses: { 200: { description: "Opgeslagen", ...json(ProfileSchema) }, ...errorResponses(400, 401, 403) },
});

import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { ROLES } from "../../db/schema.ts";
import { errorResponses } from "../lib/errors.ts";
import { code, line } from "../lib/fields.ts";
import { UserSchema } from "./auth.routes.ts";

const tags = ["Accounts"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const UserParams = z.object({ userId: z.uuid().openapi({ param: { name: "userId", in: "path" } }) });

export const NewUserSchema = z
  .object({
    email: z.email().max(254),
    name: line(200).optional(),
    role: z.enum(ROLES),
    municipality: code(100).optional(),
    branch: code(100).optional(),
  })
  .strict();

export const listUsers = defineRoute({
  method: "get",
  path: "/users",
  operationId: "listUsers",
  permission: "users:manage",
  tags,
  summary: "Alle accounts, met de gemeenten en vestigingen waar een account bij kan horen",
  responses: {
    200: {
      description: "Accounts",
      ...json(
        z.object({
          users: z.array(UserSchema),
          places: z
            .object({
              municipalities: z.array(z.object({ id: z.string(), name: z.string(), branchId: z.string() })),
              branches: z.array(z.object({ id: z.string(), name: z.string() })),
            })
            .openapi("AccountPlaces"),
        }),
      ),
    },
    ...errorResponses(401, 403),
  },
});

export const createUser = defineRoute({
  method: "post",
  path: "/users",
  operationId: "createUser",
  permission: "users:manage",
  tags,
  summary: "Account aanmaken; geeft een eenmalige link om het wachtwoord in te stellen",
  request: { body: { required: true, ...json(NewUserSchema) } },
  responses: {
    201: { description: "Aangemaakt", ...json(z.object({ user: UserSchema, setPasswordUrl: z.string() })) },
    ...errorResponses(400, 401, 403, 409),
  },
});

export const updateUser = defineRoute({
  method: "patch",
  path: "/users/{userId}",
  operationId: "updateUser",
  permission: "users:manage",
  tags,
  summary: "Account blokkeren of deblokkeren",
  request: { params: UserParams, body: { required: true, ...json(z.object({ disabled: z.boolean() }).strict()) } },
  responses: { 200: { description: "Bijgewerkt", ...json(z.object({ user: UserSchema })) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const revokeUserSessions = defineRoute({
  method: "post",
  path: "/users/{userId}/revoke-sessions",
  operationId: "revokeUserSessions",
  permission: "users:manage",
  tags,
  summary: "Alle sessies van een account beëindigen",
  request: { params: UserParams },
  responses: { 200: { description: "Beëindigd", ...json(z.object({ revoked: z.number() })) }, ...errorResponses(401, 403, 404) },
});

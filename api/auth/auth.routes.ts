import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { ROLES } from "../../db/schema.ts";
import { PERMISSIONS, type Action } from "../domain/auth/permissions.ts";
import { errorResponses } from "../lib/errors.ts";

const tags = ["Accounts"];
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    municipalityId: z.string().nullable(),
    branchId: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("User");
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const Password = z.string().min(1).max(256);

export const login = defineRoute({
  method: "post",
  path: "/auth/login",
  operationId: "login",
  permission: "public",
  tags,
  summary: "Inloggen (zet een sessiecookie)",
  request: { body: { required: true, ...json(z.object({ email: z.string().max(254), password: Password }).strict()) } },
  responses: { 200: { description: "Ingelogd", ...json(z.object({ user: UserSchema })) }, ...errorResponses(400, 401, 429) },
});

export const logout = defineRoute({
  method: "post",
  path: "/auth/logout",
  operationId: "logout",
  permission: "authenticated",
  tags,
  summary: "Uitloggen (beëindigt deze sessie)",
  responses: { 204: { description: "Uitgelogd" }, ...errorResponses(401, 403) },
});

const ACTIONS = Object.keys(PERMISSIONS) as [Action, ...Action[]];
/** One thing the caller may do (an action of the permission table) and over which part of the ZVH. */
export const AllowedSchema = z
  .object({
    action: z.enum(ACTIONS),
    scope: z.enum(["all", "municipality", "branch"]),
  })
  .openapi("AllowedAction");

export const me = defineRoute({
  method: "get",
  path: "/auth/me",
  operationId: "me",
  permission: "authenticated",
  tags,
  summary: "Wie ben ik, en wat mag ik?",
  responses: {
    200: {
      description: "Huidige gebruiker met de acties die de rol toestaat",
      ...json(z.object({ user: UserSchema, allowed: z.array(AllowedSchema) })),
    },
    ...errorResponses(401),
  },
});

export const changePassword = defineRoute({
  method: "post",
  path: "/auth/password",
  operationId: "changePassword",
  permission: "authenticated",
  tags,
  summary: "Eigen wachtwoord wijzigen (beëindigt alle andere sessies)",
  request: { body: { required: true, ...json(z.object({ currentPassword: Password, newPassword: Password }).strict()) } },
  responses: { 204: { description: "Gewijzigd" }, ...errorResponses(400, 401, 403, 429) },
});

export const setPassword = defineRoute({
  method: "post",
  path: "/auth/set-password",
  operationId: "setPassword",
  permission: "public",
  tags,
  summary: "Wachtwoord instellen met een eenmalige link",
  request: { body: { required: true, ...json(z.object({ token: z.string().min(16).max(128), password: Password }).strict()) } },
  responses: { 204: { description: "Ingesteld" }, ...errorResponses(400) },
});

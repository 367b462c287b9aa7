import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { authorize } from "../auth/middleware.ts";
import type { Permission } from "../domain/auth/permissions.ts";

/** The security scheme of the session cookie in the OpenAPI document. */
export const SESSION_SCHEME = "sessionCookie";

type Config<P extends string> = Omit<RouteConfig, "path" | "middleware" | "security"> & { path: P; permission: Permission };

/**
 * A route that names the permission it needs. The permission is a typed field, so a route
 * without one, or with a misspelt action, does not compile; it becomes the route's
 * authorization middleware, its `security` in the OpenAPI document and `x-permission`.
 */
const permissions = new Map<string, Permission>();

/** operationId -> permission of every route defined so far (all of them once api/app.ts is loaded). */
export function routePermissions(): ReadonlyMap<string, Permission> {
  return permissions;
}

export function defineRoute<P extends string, R extends Config<P>>(config: R) {
  const { permission, ...route } = config;
  if (route.operationId) permissions.set(route.operationId, permission);
  return createRoute({
    ...route,
    security: permission === "public" ? [] : [{ [SESSION_SCHEME]: [] }],
    "x-permission": permission,
    middleware: authorize(permission),
  });
}

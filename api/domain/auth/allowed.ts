import type { Role } from "../../../db/schema.ts";
import { PERMISSIONS, type Action, type Scope } from "./permissions.ts";

export interface Allowed {
  action: Action;
  scope: Scope;
}

/**
 * What a role may do, read from the one permission table, so that a client can show or
 * hide its screens and buttons without a role list of its own. The API still decides.
 */
export function allowedActions(role: Role): Allowed[] {
  return (Object.keys(PERMISSIONS) as Action[]).flatMap((action) => {
    const scope = (PERMISSIONS[action] as Partial<Record<Role, Scope>>)[role];
    return scope ? [{ action, scope }] : [];
  });
}

import type { Context } from "hono";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";
import { inScope } from "../domain/auth/permissions.ts";

/** The part of the ZVH a request may see: nothing forced (whole ZVH), one branch or one municipality. */
export interface Visibility {
  branchId?: string;
  municipalityId?: string;
}

const NOWHERE = "\u0000"; // matches no id, so a scoped user without a place sees nothing

export function visibilityOf(c: Context<AppEnv>): Visibility {
  const p = c.var.principal;
  if (c.var.scope === "branch") return { branchId: p?.branchId ?? NOWHERE };
  if (c.var.scope === "municipality") return { municipalityId: p?.municipalityId ?? NOWHERE };
  return {};
}

/** Out of scope answers exactly like not found, so that guessing ids reveals nothing. */
export function ensureVisible(
  c: Context<AppEnv>,
  resource: { municipalityId?: string | null; branchId?: string | null },
  notFound: ApiError,
) {
  if (!inScope(c.var.scope, c.var.principal, resource)) throw notFound;
}

/** A filter value the caller asked for, narrowed to what it may see; another place is a 404. */
export function narrowed(asked: string | undefined, forced: string | undefined, notFound: "unknown_branch" | "unknown_municipality") {
  if (forced && asked && asked !== forced) {
    throw notFound === "unknown_branch"
      ? new ApiError(404, "unknown_branch", { branch: asked })
      : new ApiError(404, "unknown_municipality", { municipality: asked });
  }
  return forced ?? asked;
}

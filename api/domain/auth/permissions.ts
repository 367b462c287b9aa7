import type { Role } from "../../../db/schema.ts";

/**
 * The one permission table: which role may do what, and over which scope.
 * `all` = the whole ZVH; `municipality` = only the user's own municipality;
 * `branch` = only the user's own branch. A role missing from an action is denied.
 */
export type Scope = "all" | "municipality" | "branch";

export const PERMISSIONS = {
  // admin runs waves alongside kwaliteit (fieldwork:manage), so it must be able to list and open them.
  "waves:read": { admin: "all", kwaliteit: "all", management: "all", auditor: "all" },
  "waves:create": { kwaliteit: "all", management: "all" },
  "invitations:create": { kwaliteit: "all", management: "all" },
  "results:read": { kwaliteit: "all", management: "all", auditor: "all" },
  // admin too: it sets the municipalities' report contacts (registry:configure) and runs fieldwork and accounts, which name
  // municipalities; without this it read codes like `den-helder` where everyone else reads names.
  "municipality:read": { admin: "all", kwaliteit: "all", management: "all", auditor: "all", medewerker: "all", gemeente: "municipality" },
  "users:manage": { admin: "all" },
  "audit:read": { admin: "all", kwaliteit: "all", auditor: "all" },
  "backup:manage": { admin: "all" },
  "registry:read": { kwaliteit: "all", management: "all", auditor: "all", medewerker: "branch" },
  "registry:write": { kwaliteit: "all", medewerker: "branch" },
  // Registering or correcting hours in another staff member's name (the default is one's own).
  "hours:others": { kwaliteit: "all" },
  "cases:handle-locally": { kwaliteit: "all", medewerker: "branch", gemeente: "municipality" },
  // Working notes are for the people who run the case, not for management or auditors.
  "notes:read": { kwaliteit: "all", medewerker: "branch" },
  "themes:manage": { kwaliteit: "all" },
  "registry:configure": { admin: "all", kwaliteit: "all" },
  // The registry's settings (rates, retention term): read by who reads the registry and by the admin who configures it.
  "settings:read": { admin: "all", kwaliteit: "all", management: "all", auditor: "all", medewerker: "all" },
  "metrics:read": { kwaliteit: "all", management: "all", auditor: "all", medewerker: "branch", gemeente: "municipality" },
  "report:read": { kwaliteit: "all", management: "all", auditor: "all", gemeente: "municipality" },
  "report:send": { kwaliteit: "all", management: "all" },
  "quality:read": { kwaliteit: "all", management: "all", auditor: "all" },
  "quality:write": { kwaliteit: "all", management: "all" },
  "audits:write": { kwaliteit: "all" },
  "risks:write": { kwaliteit: "all", management: "all" },
  "review:write": { kwaliteit: "all", management: "all" },
  // Management reviews are management's own act (ISO 9001 9.3).
  "review:finalize": { management: "all" },
  "evidence:export": { kwaliteit: "all", management: "all", auditor: "all" },
  // Running a survey wave: questionnaires, fieldwork, contacts and e-mail (issue 14).
  "questionnaires:read": { admin: "all", kwaliteit: "all", management: "all", auditor: "all" },
  "questionnaires:write": { admin: "all", kwaliteit: "all" },
  "fieldwork:read": { admin: "all", kwaliteit: "all", management: "all" },
  "fieldwork:manage": { admin: "all", kwaliteit: "all" },
  // Addresses and names of partners: personal data, only for those who run the survey.
  "contacts:manage": { admin: "all", kwaliteit: "all" },
  "responses:export": { admin: "all", kwaliteit: "all" },
  // The start page adds up the whole ZVH: only for roles that read everything (issue 17).
  "overview:read": { kwaliteit: "all", management: "all", auditor: "all" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof PERMISSIONS;

/**
 * What an operation needs: an action, any logged-in caller, or nobody. Each route names
 * one (api/lib/route.ts), so a route without a rule does not compile.
 */
export type Permission = Action | "public" | "authenticated";

export interface Principal {
  userId: string | null;
  label: string;
  role: Role;
  municipalityId: string | null;
  branchId: string | null;
  /** The operator at the server's own console (the CLI): may do what the CLI offers, whole ZVH. */
  operator?: boolean;
}

export type Decision =
  | { allow: true; scope: Scope | null }
  | { allow: false; status: 401 | 403; reason: "not_authenticated" | "forbidden" };

export function decide(need: Permission, principal: Principal | null): Decision {
  if (need === "public") return { allow: true, scope: null };
  if (!principal) return { allow: false, status: 401, reason: "not_authenticated" };
  if (need === "authenticated") return { allow: true, scope: null };
  if (principal.operator) return { allow: true, scope: "all" };
  const scope = (PERMISSIONS[need] as Partial<Record<Role, Scope>>)[principal.role];
  return scope ? { allow: true, scope } : { allow: false, status: 403, reason: "forbidden" };
}

/** A permission checked inside a handler, for a field rather than a whole operation. */
export function scopeFor(principal: Principal | null, action: Action): Scope | null {
  if (!principal) return null;
  if (principal.operator) return "all";
  return (PERMISSIONS[action] as Partial<Record<Role, Scope>>)[principal.role] ?? null;
}

/** Whether a scoped principal may see a resource that belongs to a municipality. */
export function inScope(
  scope: Scope | null,
  principal: Principal | null,
  resource: { municipalityId?: string | null; branchId?: string | null },
) {
  if (scope === "all") return true;
  if (scope === "municipality") return !!principal?.municipalityId && principal.municipalityId === resource.municipalityId;
  if (scope === "branch") return !!principal?.branchId && principal.branchId === resource.branchId;
  return false;
}

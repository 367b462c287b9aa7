import { useQueryClient } from "@tanstack/react-query";
import type { Reply } from "../../../shared/api/contract.ts";
import { useReply } from "../../../shared/api/query.ts";

export type Me = Reply<"me">;
export type User = Me["user"];
export type Allowed = Me["allowed"][number];
export type Action = Allowed["action"];
export type Scope = Allowed["scope"];

/** The signed-in user: `data` undefined while asking, an error (401) when nobody is signed in. */
export const useMe = () => useReply("me", "/auth/me");

/**
 * May the signed-in user do this (over this scope, when one is named)? Read from the
 * allowed actions GET /api/auth/me sends, which come from the API's one permission table;
 * the dashboard keeps no role lists of its own. The API still decides every request.
 */
export function allows(me: Me | undefined, action: Action, scope?: Scope) {
  return !!me?.allowed.some((a) => a.action === action && (!scope || a.scope === scope));
}

export function useCan() {
  const me = useMe().data;
  return (action: Action, scope?: Scope) => allows(me, action, scope);
}

/** After logging in or out: the new answer to "who am I", and nothing cached from before. */
export function useSetMe() {
  const client = useQueryClient();
  return (me: Me | null) => {
    client.clear();
    if (me) client.setQueryData(["me", "/auth/me", {}], me);
  };
}

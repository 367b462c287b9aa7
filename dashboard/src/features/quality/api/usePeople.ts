import type { User } from "../../account/api/session.ts";
import { useReply } from "../../../shared/api/query.ts";

export interface PersonOption {
  id: string;
  name: string;
  me: boolean;
}

/**
 * The people a quality manager can name as owner (GET /people), and names for the ids the
 * API returns; owners seen on actions, risks and processes fill in names of former staff.
 */
export function usePeople(me: User) {
  const people = useReply("listPeople", "/people");
  const actions = useReply("listActions", "/actions");
  const risks = useReply("listRisks", "/risks");
  const processes = useReply("listProcesses", "/processes");
  const names = new Map<string, string>([[me.id, me.name]]);
  const assignable = new Set((people.data?.people ?? []).map((p) => p.id));
  for (const p of people.data?.people ?? []) names.set(p.id, p.name);
  for (const a of actions.data?.actions ?? []) names.set(a.ownerId, a.ownerName);
  for (const r of risks.data?.risks ?? []) names.set(r.ownerId, r.ownerName);
  for (const p of processes.data?.processes ?? []) for (const o of p.owners) names.set(o.id, o.name);
  const others = [...names]
    .filter(([id]) => id !== me.id && (!people.data || assignable.has(id)))
    .map(([id, name]) => ({ id, name, me: false }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return {
    loading: people.loading || actions.loading || risks.loading || processes.loading,
    options: [{ id: me.id, name: me.name, me: true }, ...others] as PersonOption[],
    name: (id: string | null | undefined) => (id ? names.get(id) : undefined),
  };
}

import type { Item, Reply } from "../../../shared/api/contract.ts";
import { useReply } from "../../../shared/api/query.ts";

/**
 * Survey operations: the waves (metingen). Small for now; the screens that run a wave
 * (invitations, reminders, closing) will live in this feature.
 */
export type Wave = Item<Reply<"listWaves">["waves"]>;

export function useWaves() {
  const res = useReply("listWaves", "/waves");
  return { ...res, list: res.data?.waves ?? [] };
}

import type { Reply } from "../../../shared/api/contract.ts";
import { useReply } from "../../../shared/api/query.ts";

export type Overview = Reply<"getOverview">;
export type Change = NonNullable<NonNullable<NonNullable<Overview["satisfaction"]["latest"]>["grade"]>["change"]>;

export const useOverview = () => useReply("getOverview", "/overview");

import { createRouter } from "../lib/router.ts";

export const packsRouter = createRouter();

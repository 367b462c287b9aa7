import { createRouter } from "../lib/router.ts";

export const risksRouter = createRouter();

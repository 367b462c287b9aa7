import { createRouter } from "../lib/router.ts";

export const auditsRouter = createRouter();

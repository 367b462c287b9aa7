import { createRouter } from "../lib/router.ts";

export const qualityRouter = createRouter();

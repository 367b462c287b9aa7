import { createRouter } from "../lib/router.ts";

export const reviewsRouter = createRouter();

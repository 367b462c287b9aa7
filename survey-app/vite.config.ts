import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { precompress } from "../scripts/build/precompress.ts";
import { preloadLazy } from "../scripts/build/preload-lazy.ts";

/** Served by the API at /s/<token>; assets live under /survey-assets/. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/survey-assets/",
  plugins: [react(), preloadLazy("/SurveyPage.tsx"), precompress()],
  build: { outDir: fileURLToPath(new URL("../dist/survey", import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:8787" } },
});

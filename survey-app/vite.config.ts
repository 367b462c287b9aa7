import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { precompress } from "../scripts/build/precompress.ts";
import { preloadLazy } from "../scripts/build/preload-lazy.ts";
import { t } from "../i18n/survey-app.ts";

/**
 * The page's loading state (main.tsx) written into index.html at build time, from the message
 * catalog: the phone paints the header and title while React and the survey still load (Lighthouse
 * first and largest contentful paint), and React's first render replaces it in place, at the same size.
 */
const shell = {
  name: "ketenspiegel-survey-shell",
  transformIndexHtml: (html: string) =>
    html.replace(
      "<!--ks-shell-->",
      `<header><span class="brand"><span class="brand-name">Zorg- en Veiligheidshuis</span></span><button type="button" lang="en">${t("nl", "survey.language")}</button></header>` +
        `<main id="main"><h1>${t("nl", "survey.pageTitle")}</h1><p role="status">${t("nl", "survey.loading")}</p></main>`,
    ),
};

/** Served by the API at /s/<token>; assets live under /survey-assets/. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/survey-assets/",
  plugins: [react(), shell, preloadLazy("/SurveyPage.tsx"), precompress()],
  build: { outDir: fileURLToPath(new URL("../dist/survey", import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:8787" } },
});

import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { precompress } from "../scripts/build/precompress.ts";
import { t } from "../i18n/survey-app.ts";

/** The page's own styles (2 KB), inline: the first paint waits for no stylesheet request. */
const styles = () =>
  readFileSync(fileURLToPath(new URL("./src/style.css", import.meta.url)), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "");

/**
 * The page's loading state (main.tsx) written into index.html at build time, from the message
 * catalog: the phone paints the header and title from the HTML alone, before any script is
 * requested (boot.ts), and React adopts these nodes (hydrateRoot) instead of replacing them, so the
 * title stays the largest paint (Lighthouse first and largest contentful paint at the HTML's arrival).
 * It must stay exactly what App renders while loading, in Dutch, without a profile.
 */
const shell = {
  name: "ketenspiegel-survey-shell",
  transformIndexHtml: (html: string) =>
    html
      .replace("<!--ks-styles-->", `<style>${styles()}</style>`)
      .replace(
        "<!--ks-shell-->",
        `<header><span class="brand"><span class="brand-name">Zorg- en Veiligheidshuis</span></span><button type="button" lang="en">${t("nl", "survey.language")}</button></header>` +
          `<main id="main"><h1>${t("nl", "survey.pageTitle")}</h1><p role="status">${t("nl", "survey.loading")}</p></main>`,
      ),
};

/** Served by the API at /s/<token>; assets live under /survey-assets/. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/survey-assets/",
  plugins: [react(), shell, precompress()],
  build: { outDir: fileURLToPath(new URL("../dist/survey", import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:8787" } },
});

import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { precompress } from "../scripts/build/precompress.ts";
import { preloadLazy } from "../scripts/build/preload-lazy.ts";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  // Every view is a lazy chunk (routes/tree.tsx); the landing page of most roles is fetched with the entry.
  plugins: [react(), preloadLazy("/OverviewPage.tsx"), precompress()],
  build: { outDir: fileURLToPath(new URL("../dist/dashboard", import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:8787" } },
});

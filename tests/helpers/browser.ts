import { existsSync, mkdirSync } from "node:fs";
import { build } from "vite";
import { chromium, type Browser } from "playwright-core";
import { createNodeApp, frontEndsBuilt, listen } from "../../api/server.node.ts";
import { testApp } from "./app.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = "test-artifacts";

/** Why browser tests cannot run here, or null. CI sets KS_REQUIRE_BROWSER so a missing browser fails instead. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `${CHROMIUM} not found (install with: apt-get install -y chromium)`;
  if (process.env.KS_REQUIRE_BROWSER) throw new Error(`Browser tests are required here but ${reason}`);
  console.warn(`Skipping browser tests: ${reason}`);
  return reason;
}

export async function ensureFrontEnds() {
  if (frontEndsBuilt()) return;
  await build({ configFile: "survey-app/vite.config.ts", logLevel: "warn" });
  await build({ configFile: "dashboard/vite.config.ts", logLevel: "warn" });
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
      "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * The test app behind a real HTTP server that also serves the built front ends. It runs
 * on the real clock, because the browser judges cookie expiry by its own.
 */
export async function serveTestApp() {
  await ensureFrontEnds();
  const t = await testApp({ now: new Date() });
  const server = await listen(createNodeApp(t.db, { publicUrl: "http://127.0.0.1", now: () => t.clock.now, version: "test" }), 0);
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { ...t, base, close: async () => { server.close(); await t.close(); } };
}

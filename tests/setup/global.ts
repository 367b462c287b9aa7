import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { chromium, type BrowserServer } from "playwright-core";
import { makePostgresTemplate } from "./templates.ts";
import { makePgliteTemplate } from "../../db/pglite-template.node.ts";
import { buildFrontEnds, frontEndsStale } from "./frontends.ts";
import { buildServer, serverBundleStale } from "../../scripts/build/server-bundle.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    chromiumEndpoint: string;
  }
}

/**
 * The fixed costs of the suite, paid once per run: migrated database templates for both
 * engines, the built front ends and one Chromium shared by every browser test file.
 * Each project inherits this file, so each pays only for what its own files use.
 */
export default async function setup(project: TestProject) {
  const cleanups: (() => Promise<void> | void)[] = [];
  const name = project.name;
  if (process.env.KS_DEBUG_SETUP) console.log(`global setup for project '${name}'`);

  project.provide("pgliteTemplate", name === "pglite" || name === "system" ? await makePgliteTemplate() : "");

  let postgresName = "";
  if (name === "postgres" && process.env.DATABASE_URL) {
    const template = await makePostgresTemplate(process.env.DATABASE_URL);
    postgresName = template.name;
    cleanups.push(template.drop);
  }
  project.provide("postgresTemplate", postgresName);

  // The CLI tests start the compiled binary (scripts/launch.mjs), which would otherwise build it itself, two files racing.
  if (name === "system" && serverBundleStale()) await buildServer();

  let server: BrowserServer | undefined;
  if (name === "system" && existsSync(CHROMIUM)) {
    if (frontEndsStale()) await buildFrontEnds();
    server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    cleanups.push(() => server?.close());
  }
  project.provide("chromiumEndpoint", server?.wsEndpoint() ?? "");

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}

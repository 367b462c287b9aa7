import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { chromium, type BrowserServer } from "playwright-core";
import { makePgliteTemplate, makePostgresTemplate } from "./templates.ts";
import { buildFrontEnds, frontEndsStale } from "./frontends.ts";
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
 */
export default async function setup(project: TestProject) {
  const projects = new Set(project.vitest.projects.map((p) => p.name));
  const cleanups: (() => Promise<void> | void)[] = [];
  const needsDb = projects.has("pglite") || projects.has("system") || projects.has("postgres");

  project.provide("pgliteTemplate", needsDb ? await makePgliteTemplate() : "");

  let postgresName = "";
  if (process.env.DATABASE_URL && projects.has("postgres")) {
    const template = await makePostgresTemplate(process.env.DATABASE_URL);
    postgresName = template.name;
    cleanups.push(template.drop);
  }
  project.provide("postgresTemplate", postgresName);

  let server: BrowserServer | undefined;
  if (projects.has("system") && existsSync(CHROMIUM)) {
    if (frontEndsStale()) await buildFrontEnds();
    server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    cleanups.push(() => server?.close());
  }
  project.provide("chromiumEndpoint", server?.wsEndpoint() ?? "");

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}

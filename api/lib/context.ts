import type { Db } from "../../db/types.ts";

export interface AppConfig {
  /** Base URL printed in survey links, e.g. http://localhost:8787 */
  publicUrl: string;
  now: () => Date;
  version: string;
  /** Shared secret of the local CLI, so that it can work through a running server that holds PGlite. */
  cliToken?: string;
}

export interface AppDeps { db: Db; config: AppConfig }

export type AppEnv = { Variables: { deps: AppDeps } };

/**
 * The CLI as a function: argv and environment in, exit code and output out. The binary
 * (scripts/cli.ts) is a thin wrapper, and tests call this in-process instead of paying a
 * process start and a PGlite boot per command. Everything heavy (database drivers,
 * services, schemas) is imported only by the path that needs it, and the database is
 * opened on the first call that needs it: a mistyped command never opens one.
 */
import { readLock } from "../../db/lock.node.ts";
import { PGLITE_DIR } from "../runtime.ts";
import { httpBackend, lazyBackend, type Backend } from "./backend.ts";
import { runCommand } from "./commands.ts";
import { parseCli } from "./args.ts";

export interface CliEnv {
  DATABASE_URL?: string;
  PGLITE_DIR?: string;
  PUBLIC_URL?: string;
  PORT?: string;
}
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function backend(env: CliEnv): Promise<Backend> {
  const dir = env.PGLITE_DIR ?? PGLITE_DIR;
  const holder = env.DATABASE_URL ? undefined : readLock(dir);
  if (holder?.role === "server" && holder.url && holder.cliToken) return httpBackend(holder.url, holder.cliToken);
  if (holder) throw new Error(`De database in ${dir} is in gebruik door een ander CLI-proces (pid ${holder.pid}). Probeer het zo opnieuw.`);
  const [{ openMigrated }, { directBackend }] = await Promise.all([import("../runtime.ts"), import("./backend.ts")]);
  const database = await openMigrated("cli", {}, { DATABASE_URL: env.DATABASE_URL || undefined, PGLITE_DIR: dir });
  return directBackend(database, env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 8787}`);
}

/** Parses argv and runs the command on a backend the caller chose, opened on first use (and closed). */
export async function runWith(backendFor: () => Promise<Backend>, argv: string[]): Promise<CliResult> {
  try {
    const { positionals, values } = parseCli(argv);
    const b = lazyBackend(backendFor);
    try {
      return { code: 0, stdout: await runCommand(b, positionals, values), stderr: "" };
    } finally {
      await b.close();
    }
  } catch (e) {
    return { code: 2, stdout: "", stderr: `Fout: ${(e as Error).message}\n` };
  }
}

export function runCli(argv: string[], env: CliEnv = process.env): Promise<CliResult> {
  return runWith(() => backend(env), argv);
}

/**
 * The CLI as a function: argv and environment in, exit code and output out. The binary
 * (scripts/cli.ts) is a thin wrapper, and tests call this in-process instead of paying a
 * process start and a PGlite boot per command.
 */
import { parseArgs } from "node:util";
import { readLock } from "../../db/lock.node.ts";
import { openMigrated, PGLITE_DIR } from "../runtime.ts";
import { directBackend, httpBackend, type Backend } from "./backend.ts";
import { runCommand } from "./commands.ts";

export interface CliEnv { DATABASE_URL?: string; PGLITE_DIR?: string; PUBLIC_URL?: string; PORT?: string }
export interface CliResult { code: number; stdout: string; stderr: string }

const OPTIONS = {
  wave: { type: "string" }, org: { type: "string" }, type: { type: "string" }, municipality: { type: "string" },
  branch: { type: "string" }, email: { type: "string" }, "public-url": { type: "string" },
  role: { type: "string" }, name: { type: "string" }, opens: { type: "string" }, closes: { type: "string" },
  named: { type: "boolean" },
  from: { type: "string" }, to: { type: "string" }, clauses: { type: "string" }, out: { type: "string" },
} as const;

async function backend(env: CliEnv): Promise<Backend> {
  const dir = env.PGLITE_DIR ?? PGLITE_DIR;
  const holder = env.DATABASE_URL ? undefined : readLock(dir);
  if (holder?.role === "server" && holder.url && holder.cliToken) return httpBackend(holder.url, holder.cliToken);
  if (holder) throw new Error(`De database in ${dir} is in gebruik door een ander CLI-proces (pid ${holder.pid}). Probeer het zo opnieuw.`);
  const database = await openMigrated("cli", {}, { DATABASE_URL: env.DATABASE_URL || undefined, PGLITE_DIR: dir });
  return directBackend(database, env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 8787}`);
}

/** Parses argv and runs the command on a backend the caller chose (and closes). */
export async function runWith(backendFor: () => Promise<Backend>, argv: string[]): Promise<CliResult> {
  try {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
    const b = await backendFor();
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

/**
 * `npm run cli -- <command>`. Works on the database the server uses. With PGlite, a
 * running server owns the directory, so the CLI then goes through that server's API;
 * it never opens the directory a second process holds. Everything heavy (database
 * drivers, services, schemas) is imported only by the path that needs it.
 */
import { readLock } from "../db/lock.node.ts";
import { PGLITE_DIR } from "./runtime.ts";
import { httpBackend, lazyBackend, type Backend } from "./cli/backend.ts";
import { runCommand } from "./cli/commands.ts";
import { parseCli } from "./cli/args.ts";

async function backend(): Promise<Backend> {
  const holder = process.env.DATABASE_URL ? undefined : readLock(PGLITE_DIR);
  if (holder?.role === "server" && holder.url && holder.cliToken) return httpBackend(holder.url, holder.cliToken);
  if (holder) throw new Error(`De database in ${PGLITE_DIR} is in gebruik door een ander CLI-proces (pid ${holder.pid}). Probeer het zo opnieuw.`);
  const [{ openMigrated }, { directBackend }] = await Promise.all([import("./runtime.ts"), import("./cli/backend.ts")]);
  return directBackend(await openMigrated("cli"));
}

try {
  const { positionals, values } = parseCli(process.argv.slice(2));
  const b = lazyBackend(backend);
  try {
    process.stdout.write(await runCommand(b, positionals, values));
  } finally {
    await b.close();
  }
} catch (e) {
  console.error(`Fout: ${(e as Error).message}`);
  process.exitCode = 2;
}

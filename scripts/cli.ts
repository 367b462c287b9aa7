/**
 * `npm run cli -- <command>`. Works on the database the server uses. With PGlite, a
 * running server owns the directory, so the CLI then goes through that server's API;
 * it never opens the directory a second process holds.
 */
import { parseArgs } from "node:util";
import { readLock } from "../db/lock.node.ts";
import { openMigrated, PGLITE_DIR } from "./runtime.ts";
import { directBackend, httpBackend, type Backend } from "./cli/backend.ts";
import { runCommand } from "./cli/commands.ts";

async function backend(): Promise<Backend> {
  const holder = process.env.DATABASE_URL ? undefined : readLock(PGLITE_DIR);
  if (holder?.role === "server" && holder.url && holder.cliToken) return httpBackend(holder.url, holder.cliToken);
  if (holder) throw new Error(`De database in ${PGLITE_DIR} is in gebruik door een ander CLI-proces (pid ${holder.pid}). Probeer het zo opnieuw.`);
  const database = await openMigrated("cli");
  return directBackend(database);
}

const { positionals, values } = parseArgs({
  allowPositionals: true, strict: true,
  options: {
    wave: { type: "string" }, org: { type: "string" }, type: { type: "string" }, municipality: { type: "string" },
    branch: { type: "string" }, email: { type: "string" }, "public-url": { type: "string" },
    role: { type: "string" }, name: { type: "string" }, opens: { type: "string" }, closes: { type: "string" },
    named: { type: "boolean" },
    from: { type: "string" }, to: { type: "string" }, clauses: { type: "string" }, out: { type: "string" },
    anchor: { type: "string" }, force: { type: "boolean" },
  },
});

try {
  const b = await backend();
  try {
    process.stdout.write(await runCommand(b, positionals, values));
  } finally {
    await b.close();
  }
} catch (e) {
  console.error(`Fout: ${(e as Error).message}`);
  process.exitCode = 2;
}

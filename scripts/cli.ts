/**
 * `npm run cli -- <command>`. Works on the database the server uses. With PGlite, a
 * running server owns the directory, so the CLI then goes through that server's API;
 * it never opens the directory a second process holds.
 */
import { runCli } from "./cli/main.ts";

const result = await runCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;

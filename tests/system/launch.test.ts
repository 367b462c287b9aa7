import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildServer, OUT, serverBundleStale } from "../../scripts/build/server-bundle.mjs";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "ks-launch-"));

/** The CLI as `npm run cli` runs it: compiled JavaScript through scripts/launch.mjs, no tsx. */
function cli(...args: string[]) {
  const env = { ...process.env, PGLITE_DIR: join(dir, "pglite"), DATABASE_URL: "" };
  return run(process.execPath, ["scripts/launch.mjs", "cli", ...args], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

beforeAll(async () => {
  if (serverBundleStale()) await buildServer();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("compiled entries", () => {
  it("are fresh after a build and have the server and CLI entries", () => {
    expect(serverBundleStale()).toBe(false);
    for (const name of ["start", "cli"]) expect(statSync(join(OUT, `${name}.mjs`)).size).toBeGreaterThan(1000);
  });

  it("an unknown option or an unreadable date: a Dutch message and exit code 2, never a stack trace, no database opened", async () => {
    for (const [args, message] of [
      [["waves", "--golf"], /^Fout: Onbekende optie '--golf'\. Bekende opties:/],
      [
        ["wave", "create", "--name", "KTO 2027", "--opens", "12 maart 2027", "--closes", "31-02-2027"],
        /^Fout: De datum '31-02-2027' bij --closes bestaat niet\./,
      ],
      [
        ["wave", "create", "--name", "KTO 2027", "--opens", "volgende week", "--closes", "2027-04-01"],
        /^Fout: Ongeldige datum 'volgende week' bij --opens/,
      ],
      [["golf"], /^Fout: Onbekende opdracht 'golf'\./],
    ] as const) {
      const r = await cli(...args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
    }
    // The date is checked before the database is opened, so the PGlite directory was never created.
    expect(() => statSync(join(dir, "pglite"))).toThrow();
  });

  it("help needs no database either", async () => {
    const r = await cli("help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Gebruik: npm run cli/);
  });
});

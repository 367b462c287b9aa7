import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { PGlite } from "@electric-sql/pglite";
import { migrations } from "../../db/migrations/bundle.ts";
import { makePgliteTemplate, removeStaleTemplates, templateFile, templateFor } from "../../db/pglite-template.node.ts";
import { openMigrated } from "../../scripts/runtime.ts";

/** The migrations log, which migrate() makes itself (it is not in the Drizzle schema). */
const ketenspiegelMigrations = pgTable("ketenspiegel_migrations", {
  tag: text("tag").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull(),
});

/** A new data directory starts from the build's dumped template instead of PGlite's initdb (issue 18, start-up). */
describe("the PGlite template a new data directory starts from", () => {
  const root = mkdtempSync(join(tmpdir(), "ks-template-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is named after the migrations and PGlite's version, so a dump of other migrations is never loaded", () => {
    const file = templateFile(root);
    expect(file).toMatch(/template-[0-9a-f]{12}\.tar\.gz$/);
    expect(templateFile(root)).toBe(file);
    // The global setup made the suite's template with this same function.
    expect(inject("pgliteTemplate")).toBe(templateFile());
    migrations.push({ tag: "9999_later", sql: "select 1" });
    try {
      expect(templateFile(root)).not.toBe(file);
    } finally {
      migrations.pop();
    }
  });

  it("is offered only for a directory that is missing or empty, and only when the file exists", () => {
    const file = inject("pgliteTemplate");
    expect(templateFor(join(root, "missing"), file)).toBeInstanceOf(Blob);
    mkdirSync(join(root, "empty"));
    expect(templateFor(join(root, "empty"), file)).toBeInstanceOf(Blob);
    mkdirSync(join(root, "used"));
    writeFileSync(join(root, "used", "PG_VERSION"), "18");
    expect(templateFor(join(root, "used"), file)).toBeUndefined();
    expect(templateFor(join(root, "missing"), join(root, "no-such-template.tar.gz"))).toBeUndefined();
  });

  it("gives a fresh directory every migration through openMigrated, and a second open keeps its data", async () => {
    const dir = join(root, "db");
    const before = new Date();
    const first = await openMigrated("cli", {}, { PGLITE_DIR: dir });
    const db = first.db;
    const applied = await db.select().from(ketenspiegelMigrations).orderBy(ketenspiegelMigrations.tag);
    expect(applied.map((r) => r.tag)).toEqual(migrations.map((m) => m.tag));
    // Migrated when the template was made, before this open: loaded, not initdb'ed and migrated again.
    for (const row of applied) expect(row.appliedAt.getTime()).toBeLessThan(before.getTime());
    await first.close();
    // The directory now holds a database: the template is not loaded over it.
    expect(templateFor(dir, inject("pgliteTemplate"))).toBeUndefined();
    const again = new PGlite(dir);
    expect((await again.query("select count(*)::int as n from ketenspiegel_migrations")).rows).toEqual([{ n: migrations.length }]);
    await again.close();
  });

  it("is made once: an existing file is used as it is", async () => {
    const file = join(root, "made", "template-test.tar.gz");
    mkdirSync(join(root, "made"));
    writeFileSync(file, "already here");
    expect(await makePgliteTemplate(file)).toBe(file);
    expect(readFileSync(file, "utf8")).toBe("already here");
  });

  it("leaves only the current dump in its folder once a new one is made", () => {
    const dir = join(root, "stale");
    mkdirSync(dir);
    const current = templateFile(dir);
    for (const name of [
      current,
      join(dir, "template-000000000000.tar.gz"),
      join(dir, "template-0123456789ab.tar.gz.4242"),
      join(dir, "notes.txt"),
    ])
      writeFileSync(name, "x");
    removeStaleTemplates(current);
    // A partial file of a maker still writing (pid suffix) and anything else are not ours to delete.
    expect(readdirSync(dir).sort()).toEqual([current.split("/").pop(), "notes.txt", "template-0123456789ab.tar.gz.4242"].sort());
  });
});

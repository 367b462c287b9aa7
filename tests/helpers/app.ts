import { createApp } from "../../api/app.ts";
import type { Db } from "../../db/types.ts";
import { testDatabase } from "./db.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { waves } from "../../db/schema.ts";

export interface Clock { now: Date }

/** An app on a fresh database with reference data, a questionnaire and one open wave. */
export async function testApp() {
  const database = await testDatabase();
  const clock: Clock = { now: new Date("2026-10-01T10:00:00Z") };
  const app = createApp({ db: database.db, config: { publicUrl: "http://test.local", now: () => clock.now, version: "test" } });
  await seedReference(database.db);
  const questionnaireId = await ensureDefaultQuestionnaire(database.db);
  const [wave] = await database.db.insert(waves).values({
    name: "KTO test", questionnaireId, opensAt: new Date("2026-09-01T00:00:00Z"), closesAt: new Date("2026-11-01T00:00:00Z"),
  }).returning();
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) { headers.set("content-type", "application/json"); body = JSON.stringify(init.json); }
    return app.request(path, { ...init, headers, body });
  };
  return { app, db: database.db as Db, close: database.close, clock, wave, questionnaireId, request };
}

export async function count(db: Db, table: string): Promise<number> {
  const { sql } = await import("drizzle-orm");
  const { rows } = await import("../../db/migrate.ts");
  const r = rows<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return Number(r[0].n);
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db.ts";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { directBackend } from "../../scripts/cli/backend.ts";
import { runCommand } from "../../scripts/cli/commands.ts";
import { cliDate, parseCli, UsageError } from "../../scripts/cli/args.ts";
import type { Database } from "../../db/client.node.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await seedReference(database.db);
  await ensureDefaultQuestionnaire(database.db);
});
afterAll(async () => {
  await database.close();
});

describe("CLI arguments", () => {
  it("names an unknown option in Dutch instead of throwing Node's error", () => {
    expect(() => parseCli(["waves", "--golf", "3"])).toThrow(UsageError);
    expect(() => parseCli(["waves", "--golf"])).toThrow(/Onbekende optie '--golf'\. Bekende opties: --wave/);
    expect(() => parseCli(["invite", "--wave"])).toThrow(/Optie '--wave' verwacht een waarde/);
    expect(parseCli(["invite", "--wave", "x", "--named"]).values).toEqual({ wave: "x", named: true });
  });

  it.each([
    ["2026-03-12", "2026-03-12"],
    ["12-03-2026", "2026-03-12"],
    ["12/3/2026", "2026-03-12"],
    ["1.3.2026", "2026-03-01"],
    ["12 maart 2026", "2026-03-12"],
    ["12 Mrt 2026", "2026-03-12"],
    ["3 okt. 2026", "2026-10-03"],
    ["29-02-2028", "2028-02-29"],
  ])("reads the date %s as %s", (input, iso) => {
    expect(cliDate(input, "opens")).toBe(iso);
  });

  it.each([
    ["31-02-2026", /bestaat niet/],
    ["29-02-2026", /bestaat niet/],
    ["2026-13-01", /bestaat niet/],
    ["12 maar 2026", /Onbekende maand 'maar'/],
    ["12 march 2026", /Onbekende maand/],
    ["volgende week", /Ongeldige datum 'volgende week' bij --opens: gebruik JJJJ-MM-DD/],
    ["03/12/26", /Ongeldige datum/],
    [undefined, /--opens <datum> is verplicht/],
  ])("refuses %s in Dutch", (input, message) => {
    expect(() => cliDate(input, "opens")).toThrow(message);
  });
});

describe("CLI commands in-process, straight on the database", () => {
  it("creates a wave from Dutch dates at midnight Amsterdam time (winter and summer offset) and lists it", async () => {
    const b = directBackend({ ...database, close: async () => {} }, "http://cli.test");
    const out = await runCommand(b, ["wave", "create"], { name: "KTO cli-test", opens: "12-03-2026", closes: "1 juli 2026" });
    expect(out).toMatch(/^Meting 'KTO cli-test' aangemaakt \(anoniem\): [0-9a-f-]{36}\n$/);
    const wave = (await b.listWaves()).find((w) => w.name === "KTO cli-test")!;
    expect(wave.opensAt).toBe("2026-03-11T23:00:00.000Z");
    expect(wave.closesAt).toBe("2026-06-30T22:00:00.000Z");
    expect(await runCommand(b, ["waves"], {})).toMatch(/KTO cli-test\s+(gepland|open|gesloten)/);
  });

  it("refuses a Dutch date it cannot read before touching the database", async () => {
    const before = (await directBackend(database, "http://cli.test").listWaves()).length;
    const b = directBackend({ ...database, close: async () => {} }, "http://cli.test");
    await expect(runCommand(b, ["wave", "create"], { name: "Nooit", opens: "morgen", closes: "2026-12-01" })).rejects.toThrow(
      /Ongeldige datum 'morgen' bij --opens/,
    );
    await expect(runCommand(b, ["evidence", "export"], { from: "31-02-2026", to: "2026-03-01", out: "/tmp/x.zip" })).rejects.toThrow(
      /bestaat niet/,
    );
    expect((await b.listWaves()).length).toBe(before);
  });
});

/**
 * Contact import: `npx tsx scripts/bench/contacts-import.bench.ts [--contacts 500] [--runs 5]`.
 * Imports N new contacts (CSV, onto a wave's contact list) into an in-memory PGlite, or into a
 * throwaway database when DATABASE_URL is set, K times with fresh addresses, and prints the
 * median. Target: 500 contacts in under 5 s (issue 14); exit code 1 above it.
 */
import { parseArgs } from "node:util";
import { seedReference } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { waves } from "../../db/schema.ts";
import { importContacts } from "../../api/contacts/contacts.service.ts";
import { openBenchDatabase } from "./engine.ts";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "500" }, runs: { type: "string", default: "5" } } });
const n = Number(values.contacts),
  runs = Number(values.runs);
const engine = await openBenchDatabase(process.env.DATABASE_URL ? "postgres" : "pglite", process.env.DATABASE_URL);
await seedReference(engine.db);
const questionnaireId = await ensureDefaultQuestionnaire(engine.db);
const places = ["Alkmaar", "Hoorn", "Texel", "Den Helder", ""];
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const [wave] = await engine.db
    .insert(waves)
    .values({ name: `bench ${r}`, questionnaireId, opensAt: new Date(), closesAt: new Date(Date.now() + 864e5) })
    .returning();
  const csv = [
    "organisatie;type;gemeente;e-mail;naam",
    ...Array.from(
      { length: n },
      (_, i) =>
        `Organisatie ${i};${["gemeente", "zorg", "wonen", "justitie", "veiligheid"][i % 5]};${places[i % 5]};r${r}c${i}@bench.test;Persoon ${i}`,
    ),
  ].join("\n");
  const start = performance.now();
  const result = await importContacts(engine.db, { format: "csv", content: csv, waveId: wave.id }, new Date(), {
    actorId: null,
    actor: "bench",
    ip: null,
  });
  times.push(performance.now() - start);
  if (result.addedToWave !== n) throw new Error(`expected ${n} on the list, got ${result.addedToWave}`);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `${engine.label}: ${n} contacts, ${runs} runs: median ${Math.round(median)} ms (min ${Math.round(times[0])}, max ${Math.round(times.at(-1)!)})`,
);
await engine.close();
process.exitCode = median < 5000 ? 0 : 1;

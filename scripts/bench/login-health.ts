/**
 * Does password hashing block the server? Serves the Node app (PGlite in memory, or
 * DATABASE_URL), fires N parallel wrong-password logins and polls /api/health every 20 ms
 * meanwhile; prints the health latencies and the time of one password verification.
 * Compare hashers with --hasher native|pure (pure = scrypt in JavaScript, the old default).
 *
 *   npx tsx scripts/bench/login-health.ts [--logins 16] [--hasher native|pure]
 */
import { parseArgs } from "node:util";
import { openPglite } from "../../db/client.node.ts";
import { connectPostgres } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { createNodeApp, listen } from "../../api/server.node.ts";
import { pureScrypt, scryptHasher } from "../../api/domain/auth/password.ts";
import { nativeScrypt } from "../../api/lib/scrypt.node.ts";

const { values } = parseArgs({ options: { logins: { type: "string", default: "16" }, hasher: { type: "string", default: "native" } } });
const logins = Number(values.logins);
const passwords = scryptHasher(undefined, values.hasher === "pure" ? pureScrypt : nativeScrypt);

const database = process.env.DATABASE_URL
  ? { ...connectPostgres(process.env.DATABASE_URL), kind: "postgres" as const }
  : await openPglite();
await migrate(database.db);
const app = createNodeApp(database.db, { publicUrl: "http://bench.local", now: () => new Date(), version: "bench" }, undefined, passwords);
const server = await listen(app, 0);
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const ms = (start: number) => performance.now() - start;
const health = async () => {
  const t = performance.now();
  await (await fetch(`${base}/api/health`)).text();
  return ms(t);
};

let t = performance.now();
const hash = await passwords.hash("Een bench-wachtwoord van lengte");
const hashMs = ms(t);
t = performance.now();
await passwords.verify(hash, "Een bench-wachtwoord van lengte");
const verifyMs = ms(t);

const idle: number[] = [];
for (let i = 0; i < 10; i++) idle.push(await health());

const during: number[] = [];
let running = true;
const poll = (async () => {
  while (running) {
    during.push(await health());
    await new Promise((r) => setTimeout(r, 20));
  }
})();
t = performance.now();
const statuses = await Promise.all(
  Array.from({ length: logins }, (_, i) =>
    fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `bench${i}@zvh.test`, password: "fout-wachtwoord-123" }),
    }).then((r) => r.status),
  ),
);
const loginsMs = ms(t);
running = false;
await poll;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const f = (x: number) => `${x.toFixed(1)} ms`;
console.log(`hasher: ${values.hasher} scrypt N=2^14 r=8 p=5; database: ${database.kind}; ${logins} parallel wrong logins`);
console.log(`one hash ${f(hashMs)}, one verify ${f(verifyMs)}`);
console.log(`health idle: median ${f(pct(idle, 0.5))}, worst ${f(Math.max(...idle))}`);
console.log(
  `health during logins: ${during.length} probes, median ${f(pct(during, 0.5))}, p95 ${f(pct(during, 0.95))}, worst ${f(Math.max(...during))}`,
);
console.log(`all ${logins} logins answered in ${f(loginsMs)} (statuses ${[...new Set(statuses)].join(",")})`);
server.close();
await database.close();

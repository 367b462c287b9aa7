import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { testApp, type As } from "../helpers/app.ts";
import { createApp, openApiDocument } from "../../api/app.ts";
import { createNodeApp } from "../../api/server.node.ts";
import { decide, type Permission } from "../../api/domain/auth/permissions.ts";
import { rows } from "../../db/migrate.ts";
import type { ROLES } from "../../db/schema.ts";

/**
 * Table-driven: every string field of every request body, every path parameter and every query
 * parameter in the API's own OpenAPI document gets hostile text (NUL, lone surrogate, control, bidi
 * and zero-width characters), single-line fields a line break, registry free text a BSN, date fields
 * implausible dates; each must be a 400 naming the field, sent as a role that may call the operation,
 * and nothing may be stored.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | Schema;
  "x-text"?: string;
  "x-citizen-data"?: string;
};
type Parameter = { name: string; in: string; schema: Schema };
type Operation = {
  operationId: string;
  "x-permission": Permission;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

// The document does not need a database: build it once, at collection time, to name one test per operation.
const doc = openApiDocument(
  createApp({ db: {} as never, config: { publicUrl: "http://test.local", now: () => new Date(), version: "t" } }),
  "http://test.local",
) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const deref = (s: Schema): Schema => (s.$ref ? deref(doc.components.schemas[s.$ref.split("/").pop()!]) : s);

const HOSTILE: [string, string, string][] = [
  ["NUL", "abc\u0000def", "abc%00def"],
  ["lone surrogate", "a\ud800b", "a%ED%A0%80b"],
  ["ESC", "a\u001b[2Jb", "a%1B%5B2Jb"],
  ["BEL", "a\u0007b", "a%07b"],
  ["RLO", "a\u202eb", "a%E2%80%AEb"],
  ["zero-width space", "a\u200bb", "a%E2%80%8Bb"],
  ["BOM", "\ufeffab", "%EF%BB%BFab"],
  ["C1", "a\u0085b", "a%C2%85b"],
];
const BAD_DATES = ["0000-01-01", "1900-01-01", "9999-12-31"];
const BAD_DATETIMES = ["0000-01-01T00:00:00Z", "1900-06-01T00:00:00Z", "9999-12-31T00:00:00Z"];
const BSN = "Jan Jansen BSN 111222333";

interface Field {
  path: string[];
  schema: Schema;
  skeleton: (value: unknown) => unknown;
}

/** Every string (and number) field of a body schema, with a function that builds a body holding a value there. */
function fields(schema: Schema, path: string[] = [], wrap: (v: unknown) => unknown = (v) => v): Field[] {
  const s = deref(schema);
  for (const branches of [s.oneOf, s.anyOf, s.allOf]) {
    if (branches)
      return branches.flatMap((b) => {
        const branch = deref(b);
        // A discriminated union only looks inside the branch its discriminator names.
        const fixed = Object.entries(branch.properties ?? {})
          .filter(([, p]) => deref(p).enum?.length === 1 || deref(p).const !== undefined)
          .map(([k, p]) => [k, deref(p).const ?? deref(p).enum![0]] as const);
        return fields(branch, path, (v) => wrap(Object.assign(Object.fromEntries(fixed), v as object)));
      });
  }
  const types = [s.type].flat();
  if (types.includes("object") || s.properties) {
    const fromProps = Object.entries(s.properties ?? {}).flatMap(([k, p]) => fields(p, [...path, k], (v) => wrap({ [k]: v })));
    const extra = s.additionalProperties && !s.properties ? fields({ type: "string" }, [...path, "beter"], (v) => wrap({ beter: v })) : [];
    return [...fromProps, ...extra];
  }
  if (types.includes("array") && s.items) return fields(s.items, [...path, "0"], (v) => wrap([v]));
  if (types.includes("string") || types.includes("number") || types.includes("integer")) return [{ path, schema: s, skeleton: wrap }];
  return [];
}

const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

let t: Awaited<ReturnType<typeof testApp>>;
let token = "";
const PRINCIPAL = (role: (typeof ROLES)[number]) => ({
  userId: "x",
  label: role,
  role,
  municipalityId: role === "gemeente" ? "alkmaar" : null,
  branchId: role === "medewerker" ? "alkmaar" : null,
});

/** A role that may call the operation, so the refusal is about the input and not about access. */
function roleFor(op: Operation): As {
  const need = op["x-permission"]; // the permission named on the route (api/lib/route.ts)
  if (decide(need, null).allow) return "anonymous";
  for (const role of ["kwaliteit", "management", "admin", "medewerker", "auditor", "gemeente"] as const) {
    if (decide(need, PRINCIPAL(role)).allow) return role;
  }
  throw new Error(`no role may call ${op.operationId}`);
}

function validParam(name: string, schema: Schema) {
  if (name === "token") return token;
  if (name === "waveId") return t.wave.id;
  if (deref(schema).format === "uuid" || name.endsWith("Id")) return "00000000-0000-4000-8000-000000000000";
  const choices = (deref(schema) as { enum?: unknown[] }).enum;
  if (choices?.length) return String(choices[0]); // an enum path parameter, e.g. the kind of mail template
  return "x";
}

async function tableCounts() {
  const tables = rows<{ name: string }>(
    await t.db.execute(sql`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`),
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number(rows<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from "${name}"`)))[0].n);
  }
  return counts;
}

let before: Record<string, number>;
beforeAll(async () => {
  t = await testApp();
  const res = await t.request(`/api/waves/${t.wave.id}/invitations`, {
    method: "POST",
    json: { invitations: [{ organisation: "Politie Noord-Holland", organisationType: "veiligheid" }] },
  });
  token = ((await res.json()) as { invitations: { token: string }[] }).invitations[0].token;
  before = await tableCounts();
});
afterAll(async () => {
  await t?.close();
});

interface Case {
  label: string;
  send: () => Response | Promise<Response>;
  field: string;
}

function casesOf(path: string, method: string, op: Operation): Case[] {
  const as = roleFor(op);
  const params = op.parameters ?? [];
  const url = (override: { name: string; raw: string } | null, query = "") =>
    path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      override?.name === name ? override.raw : encodeURIComponent(validParam(name, params.find((p) => p.name === name)?.schema ?? {})),
    ) + query;
  const cases: Case[] = [];
  const call =
    (u: () => string, init: RequestInit & { json?: unknown } = {}) =>
    () =>
      t.request(u(), { method: method.toUpperCase(), as, ...init });
  for (const p of params) {
    for (const [label, , raw] of HOSTILE) {
      if (p.in === "path") cases.push({ label: `path ${p.name}: ${label}`, field: p.name, send: call(() => url({ name: p.name, raw })) });
      // URLSearchParams turns broken UTF-8 into U+FFFD, harmless text: a lone surrogate cannot arrive by query.
      if (p.in === "query" && label !== "lone surrogate")
        cases.push({ label: `query ${p.name}: ${label}`, field: p.name, send: call(() => url(null, `?${p.name}=${raw}`)) });
    }
    if (p.in === "query" && deref(p.schema).format === "date") {
      for (const d of BAD_DATES)
        cases.push({ label: `query ${p.name}: ${d}`, field: p.name, send: call(() => url(null, `?${p.name}=${d}`)) });
    }
  }
  const content = op.requestBody?.content ?? {};
  const [type, media] = Object.entries(content)[0] ?? [];
  if (!media) return cases;
  for (const [i, f] of fields(media.schema).entries()) {
    const name = f.path.join(".");
    const types = [f.schema.type].flat();
    const values: [string, unknown][] = [];
    if (types.includes("string") && f.schema.format !== "binary") {
      // Every field gets the two that broke storage (NUL, lone surrogate) and, in turn, one of the others: every
      // class is sent to many fields while the file stays fast. tests/unit/hostile-input.test.ts covers each class in full.
      const [nul, surrogate, ...others] = HOSTILE;
      values.push(...[nul, surrogate, others[i % others.length]].map(([label, value]) => [label, value] as [string, unknown]));
      if (f.schema["x-text"] === "line") values.push(["line break in a single-line field", "twee\nregels"]);
      if (f.schema["x-citizen-data"]) values.push(["BSN in registry free text", BSN]);
      if (f.schema.format === "date") values.push(...BAD_DATES.map((d) => [d, d] as [string, unknown]));
      if (f.schema.format === "date-time") values.push(...BAD_DATETIMES.map((d) => [d, d] as [string, unknown]));
    }
    if (name === "hours") values.push(["1e-320", 1e-320], ["1e308", 1e308], ["-1", -1]);
    for (const [label, value] of values) {
      if (type === "multipart/form-data") {
        // A form encodes a lone surrogate as U+FFFD (harmless), and a leading BOM is dropped: test one inside.
        if (typeof value !== "string" || label === "lone surrogate") continue;
        const form = new FormData();
        form.set(name, label === "BOM" ? "a\ufeffb" : value);
        cases.push({ label: `${name}: ${label}`, field: name, send: call(() => url(null), { body: form }) });
      } else {
        cases.push({ label: `${name}: ${label}`, field: name, send: call(() => url(null), { json: f.skeleton(value) }) });
      }
    }
  }
  return cases;
}

const table = ops.map(({ path, method, op }) => ({ path, method, op, cases: casesOf(path, method, op) })).filter((o) => o.cases.length > 0);

describe("hostile input is a 400 naming the field, for every operation in the OpenAPI document", () => {
  it("covers the whole document", () => {
    expect(table.length).toBeGreaterThan(40);
    expect(table.reduce((n, o) => n + o.cases.length, 0)).toBeGreaterThan(500);
  });

  for (const { path, method, op } of table) {
    it(`${op.operationId} (${method.toUpperCase()} ${path})`, async () => {
      const failures: string[] = [];
      for (const c of casesOf(path, method, op)) {
        const res = await c.send();
        const body = (await res.json().catch(() => null)) as { error?: { code: string; details?: { path: string }[] } } | null;
        const named = body?.error?.details?.some((d) => d.path === c.field);
        if (res.status !== 400 || !named) failures.push(`${c.label}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it("stored nothing: every table has as many rows as before", async () => {
    expect(await tableCounts()).toEqual(before);
  });
});

describe("unknown API routes are a JSON 404 in the one error shape", () => {
  const expect404 = async (res: Response) => {
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
  };

  it("on the API app, for any method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) await expect404(await t.request("/api/bestaat-niet", { method }));
    await expect404(await t.request("/api/cases/x/y/z"));
  });

  it("on the Node entry, which serves the dashboard for every other path", async () => {
    const dist = mkdtempSync(join(tmpdir(), "ks-dist-"));
    try {
      for (const dir of ["dashboard", "survey"]) mkdirSync(join(dist, dir), { recursive: true });
      writeFileSync(join(dist, "dashboard", "index.html"), "<!doctype html><title>dashboard</title>");
      const web = createNodeApp(
        t.db,
        { publicUrl: "http://test.local", now: () => new Date(), version: "t", clientIp: () => "192.0.2.1" },
        dist,
      );
      for (const method of ["GET", "POST", "DELETE"]) await expect404(await web.request("/api/bestaat-niet", { method }));
      await expect404(await web.request("/api/"));
      const page = await web.request("/risicos");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("dashboard");
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

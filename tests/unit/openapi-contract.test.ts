import { describe, expect, it } from "vitest";
import { createApp } from "../../api/app.ts";
import { OPEN_JSON_COMPONENTS } from "../../api/lib/json-schemas.ts";
import type { Db } from "../../db/types.ts";

/**
 * Every 2xx JSON answer has a real schema: no open record, no `{}`, no object without
 * properties, followed through $ref, allOf/anyOf/oneOf, items and properties. Only the
 * named JSON objects whose keys are data (OPEN_JSON_COMPONENTS) may be open.
 */
type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};
type Doc = {
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
  servers?: unknown[];
};

const ANNOTATIONS = new Set(["description", "example", "examples", "title", "deprecated", "default", "format"]);
const typed = (s: Schema) => s.type !== undefined || s.$ref || s.allOf || s.anyOf || s.oneOf || s.enum || s.const !== undefined;

function openSchemas(s: Schema | undefined, at: string, components: Record<string, Schema>, seen = new Set<string>()): string[] {
  if (!s) return [`${at}: no schema`];
  if (s.$ref) {
    const name = s.$ref.split("/").pop()!;
    if (seen.has(name) || (OPEN_JSON_COMPONENTS as readonly string[]).includes(name)) return [];
    return openSchemas(components[name], `${at} → ${name}`, components, new Set([...seen, name]));
  }
  const out: string[] = [];
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    (s[key] ?? []).forEach((part, i) => {
      // allOf: [{ $ref }, { description }] only annotates the reference.
      if (key === "allOf" && Object.keys(part).every((k) => ANNOTATIONS.has(k))) return;
      out.push(...openSchemas(part, `${at}.${key}[${i}]`, components, seen));
    });
  }
  const types = [s.type ?? []].flat();
  if (types.includes("array")) out.push(...openSchemas(s.items, `${at}[]`, components, seen));
  if (types.includes("object") || s.properties || s.additionalProperties !== undefined) {
    const props = Object.entries(s.properties ?? {});
    const extra = s.additionalProperties;
    if (!props.length && (extra === undefined || extra === false)) out.push(`${at}: object without properties`);
    if (extra === true || (typeof extra === "object" && !typed(extra))) out.push(`${at}: open record`);
    if (typeof extra === "object" && typed(extra)) out.push(...openSchemas(extra, `${at}{*}`, components, seen));
    for (const [name, p] of props) out.push(...openSchemas(p, `${at}.${name}`, components, seen));
  }
  if (!typed(s)) out.push(`${at}: {} (any value)`);
  return out;
}

const app = createApp({ db: {} as Db, config: { publicUrl: "https://ketenspiegel.example.nl", now: () => new Date(), version: "test" } });
const doc = (await (await app.request("/api/openapi.json")).json()) as Doc;

describe("the OpenAPI document", () => {
  it("gives every 2xx JSON response a schema with properties all the way down", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!status.startsWith("2")) continue;
          for (const [type, media] of Object.entries(response.content ?? {})) {
            if (!type.includes("json")) continue;
            checked++;
            problems.push(...openSchemas(media.schema, `${op.operationId} ${status}`, doc.components.schemas));
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  it("finds an open record, an empty schema and an object without properties (the walker itself)", () => {
    const components = { Open: { type: "object", additionalProperties: {} } };
    expect(openSchemas({ $ref: "#/components/schemas/Open" }, "a", components).some((p) => p.includes("open record"))).toBe(true);
    expect(openSchemas({ type: "object", properties: { x: {} } }, "b", {})).toEqual(["b.x: {} (any value)"]);
    expect(openSchemas({ type: "object" }, "c", {})).toEqual(["c: object without properties"]);
    expect(openSchemas({ type: "array", items: { type: "object", additionalProperties: true } }, "d", {})).toEqual(["d[]: open record"]);
    expect(openSchemas({ type: "object", additionalProperties: { type: "integer" } }, "e", {})).toEqual([]);
    expect(openSchemas({ anyOf: [{ $ref: "#/components/schemas/Open" }, { type: "null" }] }, "f", components)).not.toEqual([]);
  });

  it("declares the session cookie as a security scheme, a server, and security on every operation", () => {
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: "apiKey", in: "cookie", name: "ks_session" }),
    });
    expect(doc.servers).toEqual([expect.objectContaining({ url: "https://ketenspiegel.example.nl" })]);
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods) as { operationId: string; security?: unknown }[])
        expect(op.security, op.operationId).toBeDefined();
    }
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../i18n/messages.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every entity and action the server writes into the audit trail, as literals in its code. */
function written(kind: "entity" | "action") {
  const found = new Set<string>();
  for (const file of files("api")) {
    for (const m of readFileSync(file, "utf8").matchAll(new RegExp(`\\b${kind}: "([a-z_]+)"`, "g"))) found.add(m[1]);
  }
  return [...found].sort();
}

describe("the audit trail in words", () => {
  it("names every entity and action the server writes, in Dutch and in English", () => {
    const entities = written("entity");
    expect(entities).toEqual(expect.arrayContaining(["management_review", "response", "case"]));
    for (const e of entities) {
      expect(messages.nl, e).toHaveProperty([`auditEntity.${e}`]);
      expect(messages.en, e).toHaveProperty([`auditEntity.${e}`]);
    }
    for (const a of written("action")) {
      expect(messages.nl, a).toHaveProperty([`auditAction.${a}`]);
      expect(messages.en, a).toHaveProperty([`auditAction.${a}`]);
    }
    expect(messages.nl["auditEvent.create.response"]).toBe("antwoord ontvangen");
    expect(
      messages.nl["auditEvent.pattern"]
        .replace("{entity}", messages.nl["auditEntity.management_review"])
        .replace("{action}", messages.nl["auditAction.update"]),
    ).toBe("directiebeoordeling gewijzigd");
  });
});

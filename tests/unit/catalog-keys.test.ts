import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The catalog is spread together from one file per app or feature (i18n/messages.ts); a key
 * defined in two files would silently take the later text everywhere, as "evidence.title"
 * once renamed a finding's evidence heading to the evidence pack's title.
 */
describe("the one message catalog", () => {
  it("defines each key in one file only, in Dutch and in English", async () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const file of readdirSync("i18n").filter((f) => f.endsWith(".ts") && f !== "messages.ts")) {
      const mod = (await import(`../../i18n/${file}`)) as Record<string, Record<string, string>>;
      for (const [name, table] of Object.entries(mod)) {
        if (!name.endsWith("Nl") && !name.endsWith("En")) continue;
        for (const key of Object.keys(table)) {
          const id = `${name.slice(-2)}:${key}`;
          if (owner.has(id)) twice.push(`${key} in ${owner.get(id)} and ${file}`);
          else owner.set(id, file);
        }
      }
    }
    expect(owner.size).toBeGreaterThan(1000);
    expect(twice).toEqual([]);
  });
});

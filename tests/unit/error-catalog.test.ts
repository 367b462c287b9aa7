import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorsEn, errorsNl } from "../../i18n/errors.ts";
import { errorText, requestLang } from "../../api/lib/error-text.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Every error code the API can send: thrown as ApiError, or written with errorBody. */
function codesInApi() {
  const codes = new Set<string>();
  for (const file of sources("api")) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/new ApiError\(\s*\d+\s*,\s*"([a-z0-9_]+)"/g)) codes.add(m[1]);
    for (const m of text.matchAll(/errorBody\(\s*"([a-z0-9_]+)"/g)) codes.add(m[1]);
  }
  return [...codes].sort();
}

describe("error texts by code", () => {
  it("has a Dutch and an English text for every code the API sends", () => {
    const codes = codesInApi();
    expect(codes.length).toBeGreaterThan(100);
    const missing = codes.filter(
      (c) => !errorsNl[`error.${c}` as keyof typeof errorsNl] || !errorsEn[`error.${c}` as keyof typeof errorsEn],
    );
    expect(missing).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(errorsNl) as (keyof typeof errorsNl)[]) expect(names(errorsEn[key]), key).toEqual(names(errorsNl[key]));
  });

  it("fills placeholders, and gives nothing rather than a half-filled sentence", () => {
    expect(errorText("en", "email_taken", { email: "a@zvh.nl" })).toBe("An account for a@zvh.nl already exists.");
    expect(errorText("nl", "email_taken", { email: "a@zvh.nl" })).toBe("Er bestaat al een account voor a@zvh.nl.");
    expect(errorText("en", "email_taken")).toBeNull();
    expect(errorText("en", "no_such_code")).toBeNull();
  });

  it("reads the language from Accept-Language, Dutch by default", () => {
    expect(requestLang(undefined)).toBe("nl");
    expect(requestLang("en-GB,en;q=0.9")).toBe("en");
    expect(requestLang("nl-NL,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(requestLang("fr;q=0.9, en;q=0.5")).toBe("nl");
    expect(requestLang("nl;q=0.2, en")).toBe("en");
  });
});

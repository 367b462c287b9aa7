import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorsEn, errorsNl } from "../../i18n/errors.ts";

/**
 * Every error text the API sends comes from the catalog by code (i18n/errors.ts). This reads every
 * `new ApiError(…)`, `errorBody(…)` and `detail(…)` in api/ and refuses a site that writes its own
 * text (a string, a template literal or a concatenation where the params belong) or names a code
 * without a Dutch and an English text. The compiler checks the same for codes and params; this
 * also catches a site that casts its way around the types.
 */

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

type Site = { where: string; callee: string; code: string | null; problem: string | null };

/**
 * The top-level arguments of the call whose "(" is at `open`, as source text. A small scanner
 * rather than a compiler: it only has to respect brackets, strings and template literals.
 */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === "`") {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === "\\") i++;
    } else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i));
        return args.map((a) => a.trim()).filter((a) => a !== "");
      }
    } else if (ch === "," && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

/** A string, a template literal or a concatenation with one: a text written at the site. */
const isText = (arg: string) => /^\(*\s*["'`]/.test(arg) || /["'`]\s*\+|\+\s*["'`]/.test(arg);
const isStringLiteral = (arg: string) => /^(["'])[^"'\\]*\1$/.test(arg);

/** The calls that produce an error text, with the code they name and what is wrong with them. */
function errorSites(file: string, text: string): Site[] {
  const sites: Site[] = [];
  for (const m of text.matchAll(/(?<![\w.])(new ApiError|errorBody|detail)\s*\(/g)) {
    const callee = m[1] === "new ApiError" ? "ApiError" : m[1];
    const args = callArguments(text, m.index + m[0].length - 1);
    // ApiError(status, code, params, …); errorBody(code, params, …); detail(code, params).
    const [codeArg, paramsArg] = callee === "ApiError" ? [args[1], args[2]] : [args[0], args[1]];
    const line = text.slice(0, m.index).split("\n").length;
    const code = codeArg && isStringLiteral(codeArg) ? codeArg.slice(1, -1) : null;
    let problem: string | null = null;
    if (!codeArg) problem = "no code";
    else if (paramsArg && isText(paramsArg)) problem = `writes its own text: ${paramsArg.slice(0, 80)}`;
    else if (isText(codeArg) && !isStringLiteral(codeArg)) problem = "builds its code from values";
    sites.push({ where: `${file}:${line}`, callee, code, problem });
  }
  return sites;
}

/** A zod schema or check: `z.<anything>(` or a method zod puts on a schema that takes a message. */
const ZOD_CALL =
  /(?:\bz\.[\w.]+|\.(?:min|max|length|size|regex|refine|superRefine|check|nonempty|gt|gte|lt|lte|positive|nonnegative|negative|nonpositive|int|finite|safe|multipleOf|step|email|uuid|guid|url|startsWith|endsWith|includes|lowercase|uppercase|date|datetime|time|enum|literal|union|array|object|strict|catchall|pipe|transform))\s*\(/g;

/**
 * Options objects passed to a zod schema or check (`{ message: … }` or `{ error: … }`) whose text
 * is written at the site: zod keeps only that text, so the field's detail could never read in
 * English. A schema names a catalog code with checkError() or fieldError() (api/lib/error-fields.ts).
 */
function ownTextOptions(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(ZOD_CALL)) {
    const open = m.index + m[0].length - 1;
    for (const arg of callArguments(text, open)) {
      if (!arg.startsWith("{")) continue;
      // The object's own keys only: scan its top level for `message:` or `error:` followed by a text.
      let depth = 0;
      for (let i = 0; i < arg.length; i++) {
        const ch = arg[i];
        if (ch === '"' || ch === "'" || ch === "`") {
          for (i++; i < arg.length && arg[i] !== ch; i++) if (arg[i] === "\\") i++;
        } else if (ch === "{" || ch === "(" || ch === "[") depth++;
        else if (ch === "}" || ch === ")" || ch === "]") depth--;
        else if (depth === 1 && /[{,\s]/.test(arg[i - 1] ?? "{")) {
          const own = /^(message|error)\s*:\s*([^,}]*)/.exec(arg.slice(i));
          if (own && isText(own[2].trim())) {
            found.push(`${file}:${text.slice(0, open).split("\n").length} ${own[0].slice(0, 80)}`);
            i += own[0].length - 1;
          }
        }
      }
    }
  }
  return found;
}

const catalogued = (code: string) =>
  `error.${code}` in errorsNl &&
  `error.${code}` in errorsEn &&
  !!errorsNl[`error.${code}` as keyof typeof errorsNl] &&
  !!errorsEn[`error.${code}` as keyof typeof errorsEn];

describe("every error text comes from the catalog by code", () => {
  const sites = sources("api").flatMap((file) => errorSites(file, readFileSync(file, "utf8")));

  it("finds the throw sites (the scan reads the real files)", () => {
    expect(sites.filter((s) => s.callee === "ApiError").length).toBeGreaterThan(150);
    expect(sites.some((s) => s.callee === "errorBody")).toBe(true);
  });

  it("no site writes its own text or builds its code from values", () => {
    expect(sites.filter((s) => s.problem).map((s) => `${s.where} ${s.problem}`)).toEqual([]);
  });

  it("no schema check writes its own message: it names a catalog code", () => {
    expect(sources("api").flatMap((file) => ownTextOptions(file, readFileSync(file, "utf8")))).toEqual([]);
  });

  it("refuses a zod check with a hand-written message, and lets a catalog code pass", () => {
    const found = ownTextOptions(
      "x.ts",
      [
        'const Step = z.number().min(1, { message: "Kies 1 tot en met 5." });',
        "const Row = z.array(Level).length(SIZE, { message: `Elke rij heeft precies $" + "{SIZE} cellen.` });",
        'const Colour = z.string().regex(/^#[0-9a-f]{6}$/, { error: "Een kleur als #rrggbb." });',
        "const Labels = (what: string) => z.array(Line(60)).length(5, {\n  message: 'Geef labels voor ' + what,\n});",
        'const Level = z.enum(LEVELS, checkError("risk_level_one_of", { levels: LEVELS.join(", ") }));',
        'const Interval = z.number().min(7, checkError("risk_interval_min", { min: 7 }));',
        'const Other = z.string().refine(ok, fieldError("no_change"));',
        'const Nested = z.object({ name: z.string() }).openapi({ description: "Een naam" });',
        'await db.update(mailOutbox).set({ status: "rejected", error: "geweigerd" });',
      ].join("\n"),
    );
    expect(found.map((f) => Number(f.split(" ")[0].split(":")[1]))).toEqual([1, 2, 3, 4]);
  });

  it("every code named at a site has a Dutch and an English text", () => {
    expect(sites.filter((s) => s.code && !catalogued(s.code)).map((s) => `${s.where} ${s.code}`)).toEqual([]);
  });

  it("refuses a site that builds its message, and a code the catalog lacks", () => {
    const bad = errorSites(
      "x.ts",
      [
        // (split so that the string holds a template literal's source, not a placeholder)
        "throw new ApiError(409, 'audit_reported', `Audit $" + "{row.ref} is al gerapporteerd.`);",
        'throw new ApiError(400, "invalid_input", "Onbekende velden: " + extra.join(", "));',
        'c.json(errorBody("csrf", "Verzoek geweigerd."), 403);',
        'throw new ApiError(404, "no_such_code");',
        'throw new ApiError(409, "audit_reported", { ref: row.ref });',
      ].join("\n"),
    );
    expect(bad.map((s) => !!s.problem)).toEqual([true, true, true, false, false]);
    expect(bad.map((s) => catalogued(s.code!))).toEqual([true, true, true, false, true]);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
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

const isText = (n: ts.Node): boolean =>
  ts.isStringLiteral(n) ||
  ts.isNoSubstitutionTemplateLiteral(n) ||
  ts.isTemplateExpression(n) ||
  (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
  (ts.isParenthesizedExpression(n) && isText(n.expression));

/** The calls that produce an error text, with the code they name and what is wrong with them. */
function errorSites(file: string, text: string): Site[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: Site[] = [];
  const visit = (node: ts.Node) => {
    const call = ts.isNewExpression(node) || ts.isCallExpression(node) ? node : null;
    const callee = call && ts.isIdentifier(call.expression) ? call.expression.text : null;
    const kind =
      callee &&
      ((ts.isNewExpression(node) && callee === "ApiError") ||
        (ts.isCallExpression(node) && (callee === "errorBody" || callee === "detail")));
    if (call && callee && kind) {
      const args = [...(call.arguments ?? [])];
      // ApiError(status, code, params, …); errorBody(code, params, …); detail(code, params).
      const [codeArg, paramsArg] = callee === "ApiError" ? [args[1], args[2]] : [args[0], args[1]];
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const code = codeArg && ts.isStringLiteral(codeArg) ? codeArg.text : null;
      let problem: string | null = null;
      if (!codeArg) problem = "no code";
      else if (paramsArg && isText(paramsArg)) problem = `writes its own text: ${paramsArg.getText().slice(0, 80)}`;
      else if (isText(codeArg) && !ts.isStringLiteral(codeArg)) problem = "builds its code from values";
      sites.push({ where: `${file}:${line}`, callee, code, problem });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
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

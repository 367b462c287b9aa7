/**
 * Hostile text: characters that a person never types on purpose but that break storage (NUL, lone
 * surrogates: PostgreSQL refuses them in text and jsonb) or hide what a text says (bidi overrides,
 * zero-width characters, terminal escapes). Plain functions, used by the request guard and the zod helpers.
 */
import { errorText } from "../../lib/error-text.ts";

/** The error code of each kind of refused character (its texts are in i18n/errors.ts). */
export type TextProblemCode = "text_line_break" | "text_nul" | "text_surrogate" | "text_control" | "text_bidi" | "text_invisible";

export interface TextProblem {
  codePoint: number;
  code: TextProblemCode;
  /** The code point as U+XXXX, the value the message names. */
  char: string;
  /** The catalog's Dutch text of `code` (i18n/errors.ts); a client renders code and char itself. */
  message: string;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
const isPictographic = (s: string) => /\p{Extended_Pictographic}/u.test(s);

/** Tab, line feed and carriage return: allowed only in multi-line fields (notes, descriptions). */
export const isLineBreakOrTab = (cp: number) => cp === 0x09 || cp === 0x0a || cp === 0x0d;

function forbidden(cp: number): TextProblemCode | null {
  if (cp === 0) return "text_nul";
  if (cp >= 0xd800 && cp <= 0xdfff) return "text_surrogate";
  if ((cp < 0x20 && !isLineBreakOrTab(cp)) || (cp >= 0x7f && cp <= 0x9f)) return "text_control";
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f) return "text_bidi";
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0xfeff || cp === 0x2060) return "text_invisible";
  return null;
}

const problem = (cp: number, code: TextProblemCode): TextProblem => ({
  codePoint: cp,
  code,
  char: hex(cp),
  message: errorText("nl", code, { char: hex(cp) }) ?? code,
});

/**
 * The first character that may not occur in any text. A zero-width joiner between two pictographs
 * (emoji such as a family or a profession) is part of the emoji, not hidden text, and passes.
 */
export function textProblem(value: string, options: { multiline: boolean }): TextProblem | null {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      } // a proper pair: astral planes are fine
    }
    if (cp === 0x200d && isPictographic(value.slice(Math.max(0, i - 2), i)) && isPictographic(value.slice(i + 1, i + 3))) continue;
    if (!options.multiline && isLineBreakOrTab(cp)) return problem(cp, "text_line_break");
    const what = forbidden(cp);
    if (what) return problem(cp, what);
  }
  return null;
}

/**
 * A refused text by the path of its field; `key` when the field's name itself is the problem. No text:
 * the guard gives it the catalog's by code.
 */
export type FoundProblem = { path: string; code: TextProblemCode | "bad_path_encoding"; char?: string; key?: true };

const problemAt = (path: string, p: TextProblem, key?: true): FoundProblem => ({
  path,
  code: p.code,
  char: p.char,
  ...(key ? { key } : {}),
});

/**
 * Walks a parsed JSON value (keys and strings, at any depth) and reports every string that holds a
 * character no text may hold. Line breaks pass here; single-line fields refuse them in their own schema.
 */
export function findHostileText(value: unknown, path: string[] = [], found: FoundProblem[] = [], limit = 20): FoundProblem[] {
  if (found.length >= limit) return found;
  if (typeof value === "string") {
    const p = textProblem(value, { multiline: true });
    if (p) found.push(problemAt(path.join("."), p));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findHostileText(v, [...path, String(i)], found, limit));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = textProblem(k, { multiline: false });
      if (keyProblem) {
        found.push(problemAt([...path, k.replace(/[^\x20-\x7e]/g, "?")].join("."), keyProblem, true));
      } else {
        findHostileText(v, [...path, k], found, limit);
      }
    }
  }
  return found;
}

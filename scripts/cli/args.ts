import { parseArgs } from "node:util";

/** The CLI's options; one table, so that parsing and the usage text cannot drift apart. */
export const CLI_OPTIONS = {
  wave: { type: "string" },
  org: { type: "string" },
  type: { type: "string" },
  municipality: { type: "string" },
  branch: { type: "string" },
  email: { type: "string" },
  "public-url": { type: "string" },
  role: { type: "string" },
  name: { type: "string" },
  opens: { type: "string" },
  closes: { type: "string" },
  named: { type: "boolean" },
  from: { type: "string" },
  to: { type: "string" },
  clauses: { type: "string" },
  out: { type: "string" },
  anchor: { type: "string" },
} as const;

/** A mistake in what the user typed: the CLI prints the message, never a stack trace. */
export class UsageError extends Error {}

/** Parses the command line; an unknown or incomplete option becomes a Dutch message naming it. */
export function parseCli(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: CLI_OPTIONS });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const option = /'(-[^']*)'/.exec(err.message)?.[1] ?? "";
    const known = Object.keys(CLI_OPTIONS)
      .map((o) => `--${o}`)
      .join(", ");
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Onbekende optie '${option}'. Bekende opties: ${known}.`);
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(
        `Optie '${option.split(/[ ,]/)[0]}' verwacht een waarde, bijvoorbeeld --wave <id>; of staat er een waarde bij een optie zonder waarde?`,
      );
    }
    throw new UsageError(`Kan de opdrachtregel niet lezen: ${err.message}`);
  }
}

/** Dutch month names and their usual abbreviations (mrt, not mar). */
const MONTHS = [
  ["januari", "jan"],
  ["februari", "feb"],
  ["maart", "mrt"],
  ["april", "apr"],
  ["mei"],
  ["juni", "jun"],
  ["juli", "jul"],
  ["augustus", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "okt"],
  ["november", "nov"],
  ["december", "dec"],
];

/**
 * A date as the CLI accepts it: 2026-03-12 (ISO), or as Dutch people write it: 12-03-2026,
 * 12/3/2026, 12.03.2026 or 12 maart 2026. Returns yyyy-mm-dd; anything else, or a day that
 * does not exist (31-02-2026), is a UsageError naming the option.
 */
export function cliDate(value: unknown, option: string): string {
  if (value === undefined || value === "")
    throw new UsageError(`--${option} <datum> is verplicht (bijvoorbeeld 2026-03-12 of 12-03-2026).`);
  const text = String(value).trim().toLowerCase();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text))) [d, m, y] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text))) {
    const month = MONTHS.findIndex((names) => names.includes(match![2]));
    if (month < 0)
      throw new UsageError(
        `Onbekende maand '${match[2]}' in de datum '${value}' bij --${option} (bijvoorbeeld 12 maart 2026 of 12 mrt 2026).`,
      );
    [d, m, y] = [+match[1], month + 1, +match[3]];
  } else {
    throw new UsageError(`Ongeldige datum '${value}' bij --${option}: gebruik JJJJ-MM-DD (2026-03-12) of DD-MM-JJJJ (12-03-2026).`);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new UsageError(`De datum '${value}' bij --${option} bestaat niet.`);
  }
  return date.toISOString().slice(0, 10);
}

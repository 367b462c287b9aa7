/** ISO 9001 clauses as the API accepts them: 4 to 10, up to three sub-levels (9.1.2, 10.2). */
const CLAUSE = /^(4|5|6|7|8|9|10)(\.\d{1,2}){0,3}$/;

/** "9.1.2, 8.5.1" → ["9.1.2", "8.5.1"], and the entries that are not clauses. */
export function parseClauses(text: string) {
  const list = text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  return { clauses: [...new Set(list)], invalid: list.filter((c) => !CLAUSE.test(c)) };
}

/**
 * Small-cell suppression. Primary: a group under the threshold is hidden. Secondary (as
 * CBS does): when the hidden groups together could be recovered from the total minus the
 * shown groups, and that remainder is a single group or still under the threshold, the
 * smallest shown group is hidden too, until nothing small can be derived.
 */
export const MIN_GROUP = 5;
export const MIN_GROUP_OPEN_ANSWERS = 10;

export function suppressedKeys<K>(cells: { key: K; n: number }[], threshold = MIN_GROUP, alreadyHidden?: Set<K>): Set<K> {
  const hidden = new Set(cells.filter((c) => (c.n > 0 && c.n < threshold) || alreadyHidden?.has(c.key)).map((c) => c.key));
  const shown = () => cells.filter((c) => c.n > 0 && !hidden.has(c.key)).sort((a, b) => a.n - b.n);
  const hiddenTotal = () => cells.filter((c) => hidden.has(c.key)).reduce((a, c) => a + c.n, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenTotal() < threshold)) {
    const next = shown()[0];
    if (!next) break;
    hidden.add(next.key);
  }
  return hidden;
}

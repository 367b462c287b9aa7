import { createContext, useContext } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import type { TestResult } from "../api/results.ts";

/** "p = 0,012", or "p < 0,001" where more digits would suggest a precision the test does not have. */
export function usePValue() {
  const f = useFormat();
  return (p: number) => (p < 0.001 ? `p < ${f.number(0.001, 3)}` : `p = ${f.number(p, p < 0.01 ? 3 : 2)}`);
}

/**
 * True while the wave shown (or the one it is compared with) still runs: its figures move until
 * it closes, so no test is claimed against a finished wave, only "voorlopig".
 */
export const ProvisionalContext = createContext(false);

/** The verdict in words, for the table, the CSV and the marker alike. */
export function useSignificanceText() {
  const { t } = useI18n();
  const pValue = usePValue();
  const provisional = useContext(ProvisionalContext);
  return (difference: number, test: TestResult | null) => {
    if (provisional) return t("results.provisionalNoTest");
    if (!test) return t("compare.untestable");
    if (!test.significant) return t("compare.notSignificant", { p: pValue(test.p) });
    return t(difference > 0 ? "compare.higher" : "compare.lower", { p: pValue(test.p) });
  };
}

/**
 * Whether a change since the previous wave is more than noise: an arrow AND words, never
 * colour alone, so that it reads the same in print, in grey and to a screen reader.
 */
export function Significance({ difference, test }: { difference: number; test: TestResult | null }) {
  const text = useSignificanceText();
  const provisional = useContext(ProvisionalContext);
  const up = difference > 0;
  if (provisional || !test?.significant) return <span className="sig sig-none">{text(difference, test)}</span>;
  return (
    <span className={`sig ${up ? "sig-up" : "sig-down"}`}>
      <span aria-hidden="true">{up ? "▲" : "▼"} </span>
      {text(difference, test)}
    </span>
  );
}

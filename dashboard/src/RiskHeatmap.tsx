import { useI18n } from "./i18n.tsx";
import type { RiskMatrix } from "./auditsRisks.ts";

/** Black or white text, whichever reads better on the cell's colour (WCAG relative luminance). */
function inkOn(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? "#1b1b1b" : "#ffffff";
}

/**
 * A 5×5 heat map as a real table: likelihood down (highest on top), impact across, each
 * cell coloured by the matrix level AND naming it, with the count of open risks as text.
 */
export function RiskHeatmap({ id, title, counts, matrix }: { id: string; title: string; counts: number[][]; matrix: RiskMatrix }) {
  const { t } = useI18n();
  const rows = matrix.likelihood.map((label, i) => ({ step: i + 1, label })).reverse();
  return (
    <div className="table-wrap heatmap-wrap">
      <table className="heatmap" id={id}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <td className="corner"><span className="sr-only">{t("heatmap.corner")}</span><span aria-hidden="true">{t("heatmap.cornerShort")}</span></td>
            {matrix.impact.map((label, i) => <th scope="col" key={label}>{t("heatmap.impact", { n: i + 1 })} <span className="axis-label">{label}</span></th>)}
          </tr>
        </thead>
        <tbody>{rows.map(({ step, label }) => (
          <tr key={step}>
            <th scope="row">{t("heatmap.likelihood", { n: step })} <span className="axis-label">{label}</span></th>
            {matrix.impact.map((_, i) => {
              const level = matrix.grid[step - 1][i];
              const style = matrix.levels[level];
              const n = counts[step - 1]?.[i] ?? 0;
              return (
                <td key={i} style={{ background: style.colour, color: inkOn(style.colour) }} className={n ? "filled" : "zero"}>
                  <span className="cell-count">{n}</span>{" "}
                  <span className="cell-level">{style.label}</span>
                </td>);
            })}
          </tr>))}
        </tbody>
      </table>
    </div>
  );
}

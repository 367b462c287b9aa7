import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { LEVELS, RISK_CHANGES, type Level, type RiskMatrix } from "../api/auditsRisks.ts";

/**
 * The 5×5 matrix's thresholds: the level of each cell, likelihood down and impact across.
 * Every risk's level follows the new grid at once; a grid where a higher score gets a lower
 * level is refused by the API, with its reason shown here.
 */
export function MatrixEditor({ matrix }: { matrix: RiskMatrix }) {
  const { t } = useI18n();
  const save = useSend("updateRiskMatrix", "PUT", RISK_CHANGES);
  const { error, busy, run } = useSubmit();
  const [grid, setGrid] = useState<Level[][]>(() => matrix.grid.map((row) => [...row]));
  const [saved, setSaved] = useState(false);
  const unchanged = JSON.stringify(grid) === JSON.stringify(matrix.grid);
  const set = (l: number, i: number, level: Level) => {
    setSaved(false);
    setGrid(grid.map((row, li) => (li === l ? row.map((c, ii) => (ii === i ? level : c)) : row)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await save.send("/risks/matrix", { levels: matrix.levels, likelihood: matrix.likelihood, impact: matrix.impact, grid });
      setSaved(true);
    });
  }

  // Highest likelihood on top, as the heat maps show it.
  const rows = [4, 3, 2, 1, 0];
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="matrix-title">
      <p className="hint">{t("arw.matrix.help")}</p>
      <div className="table-wrap">
        <table className="matrix-edit">
          <caption>{t("arw.matrix.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("arw.matrix.corner")}</th>
              {matrix.impact.map((label, i) => (
                <th key={label} scope="col">
                  {i + 1} {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l}>
                <th scope="row">
                  {l + 1} {matrix.likelihood[l]}
                </th>
                {grid[l].map((level, i) => (
                  <td key={i} style={{ borderLeft: `6px solid ${matrix.levels[level].colour}` }}>
                    <select
                      aria-label={t("arw.matrix.cell", { l: l + 1, i: i + 1 })}
                      value={level}
                      onChange={(e) => set(l, i, e.target.value as Level)}
                    >
                      {LEVELS.map((x) => (
                        <option key={x} value={x}>
                          {matrix.levels[x].label}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row-form">
        <button type="submit" disabled={busy || unchanged}>
          {t("arw.matrix.save")}
        </button>
        {saved && <span role="status">{t("arw.matrix.saved")}</span>}
      </div>
      <Status error={error} />
    </form>
  );
}

import { useI18n } from "../../../shared/i18n.tsx";
import { ChartFrame, ScrollBox, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { RiskMatrix } from "../api/auditsRisks.ts";

/** Black or white text, whichever reads better on the cell's colour (WCAG relative luminance). */
function inkOn(hex: string) {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? "#1b1b1b" : "#ffffff";
}

const NS = "http://www.w3.org/2000/svg";

function el(name: string, attrs: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

interface Row {
  step: number;
  label: string;
}

/**
 * A 5×5 heat map as a real table: likelihood down (highest on top), impact across, each
 * cell coloured by the matrix level AND naming it, with the count of open risks as text.
 * The table is the figure; for the PNG the same grid is drawn as an SVG.
 */
export function RiskHeatmap({ id, title, counts, matrix }: { id: string; title: string; counts: number[][]; matrix: RiskMatrix }) {
  const { t } = useI18n();
  const rows: Row[] = matrix.likelihood.map((label, i) => ({ step: i + 1, label })).reverse();
  const cellOf = (step: number, i: number) => ({ style: matrix.levels[matrix.grid[step - 1][i]], n: counts[step - 1]?.[i] ?? 0 });
  const columns: Column<Row>[] = [
    { label: t("heatmap.corner"), value: (r) => `${t("heatmap.likelihood", { n: r.step })} ${r.label}` },
    ...matrix.impact.map(
      (label, i): Column<Row> => ({
        label: `${t("heatmap.impact", { n: i + 1 })} ${label}`,
        value: (r) => `${cellOf(r.step, i).n} (${cellOf(r.step, i).style.label})`,
      }),
    ),
  ];
  const svg = () => {
    const cw = 96,
      ch = 56,
      left = 150,
      top = 84;
    const out = el("svg", {
      xmlns: NS,
      width: Math.max(left + cw * matrix.impact.length + 10, Math.ceil(title.length * 8.6)),
      height: top + ch * rows.length + 10,
      "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    }) as SVGSVGElement;
    out.append(el("text", { x: 0, y: 20, "font-size": 15, "font-weight": 600, fill: "#1b1b1b" }, title));
    matrix.impact.forEach((label, i) => {
      out.append(
        el(
          "text",
          { x: left + cw * i + cw / 2, y: top - 24, "font-size": 12, "font-weight": 600, "text-anchor": "middle", fill: "#1b1b1b" },
          t("heatmap.impact", { n: i + 1 }),
        ),
      );
      out.append(el("text", { x: left + cw * i + cw / 2, y: top - 8, "font-size": 11, "text-anchor": "middle", fill: "#4a4a4a" }, label));
    });
    rows.forEach((r, j) => {
      const y = top + ch * j;
      out.append(
        el(
          "text",
          { x: left - 8, y: y + ch / 2 - 2, "font-size": 12, "font-weight": 600, "text-anchor": "end", fill: "#1b1b1b" },
          t("heatmap.likelihood", { n: r.step }),
        ),
      );
      out.append(el("text", { x: left - 8, y: y + ch / 2 + 13, "font-size": 11, "text-anchor": "end", fill: "#4a4a4a" }, r.label));
      matrix.impact.forEach((_, i) => {
        const { style, n } = cellOf(r.step, i);
        const x = left + cw * i;
        out.append(
          el("rect", {
            x: x + 2,
            y: y + 2,
            width: cw - 4,
            height: ch - 4,
            rx: 4,
            fill: style.colour,
            stroke: n ? "#1b1b1b" : "rgba(0,0,0,.25)",
            "stroke-width": n ? 3 : 1,
          }),
        );
        out.append(
          el(
            "text",
            { x: x + cw / 2, y: y + ch / 2, "font-size": 18, "font-weight": 700, "text-anchor": "middle", fill: inkOn(style.colour) },
            String(n),
          ),
        );
        out.append(
          el(
            "text",
            { x: x + cw / 2, y: y + ch / 2 + 16, "font-size": 11, "text-anchor": "middle", fill: inkOn(style.colour) },
            style.label,
          ),
        );
      });
    });
    return out;
  };
  return (
    <ChartFrame
      id={`${id}-chart`}
      title={title}
      description={t("heatmap.alt")}
      rows={rows}
      columns={columns}
      rowKey={(r) => String(r.step)}
      figureIsTable
      svg={svg}
    >
      <ScrollBox label={t("chart.table", { title })}>
        <table className="heatmap" id={id}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <td className="corner">
                <span className="sr-only">{t("heatmap.corner")}</span>
                <span aria-hidden="true">{t("heatmap.cornerShort")}</span>
              </td>
              {matrix.impact.map((label, i) => (
                <th scope="col" key={label}>
                  {t("heatmap.impact", { n: i + 1 })} <span className="axis-label">{label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ step, label }) => (
              <tr key={step}>
                <th scope="row">
                  {t("heatmap.likelihood", { n: step })} <span className="axis-label">{label}</span>
                </th>
                {matrix.impact.map((_, i) => {
                  const { style, n } = cellOf(step, i);
                  return (
                    <td key={i} style={{ background: style.colour, color: inkOn(style.colour) }} className={n ? "filled" : "zero"}>
                      <span className="cell-count">{n}</span> <span className="cell-level">{style.label}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </ChartFrame>
  );
}

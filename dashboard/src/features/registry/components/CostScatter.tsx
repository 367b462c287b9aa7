import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { Metrics } from "../api/registry.ts";
import { placeLabels, type Side } from "../../../shared/chart/labels.ts";

interface Point {
  id: string;
  name: string;
  cases: number;
  hours: number;
  cost: number;
}

/**
 * Cost per municipality against its number of cases, one labelled point each: where a
 * municipality costs much for few cases, the dot stands high and to the left. The table
 * adds the cost per case.
 */
export function CostScatter({ m, label }: { m: Metrics; label: (id: string) => string }) {
  const { t } = useI18n();
  const f = useFormat();
  const ids = [...new Set([...m.cases.byMunicipality.map((x) => x.municipalityId), ...m.hours.byMunicipality.map((x) => x.id)])];
  const points: Point[] = ids
    .map((id) => {
      const spent = m.hours.byMunicipality.find((x) => x.id === id);
      return {
        id,
        name: label(id),
        cases: m.cases.byMunicipality.find((x) => x.municipalityId === id)?.cases ?? 0,
        hours: spent?.hours ?? 0,
        cost: spent?.cost ?? 0,
      };
    })
    .sort((a, b) => b.cost - a.cost);
  // Municipalities with similar figures sit close together: each label takes a side where it overlaps nothing.
  const sides = placeLabels(points.map((p) => ({ x: p.cases, y: p.cost })));
  const perCase = (p: Point) => (p.cases ? Math.round((100 * p.cost) / p.cases) / 100 : null);
  const columns: Column<Point>[] = [
    { label: t("case.municipality"), value: (p) => p.name },
    { label: t("rendement.cases"), value: (p) => p.cases },
    { label: t("metrics.hours"), value: (p) => p.hours, digits: 2 },
    { label: t("metrics.cost"), value: (p) => p.cost, render: (p) => f.money(p.cost) },
    { label: t("rendement.costPerCase"), value: perCase, render: (p) => (perCase(p) === null ? "–" : f.money(perCase(p)!)) },
  ];
  const euro = (v: number) => f.money(v).replace(/[,.]00(?=\D*$)/, "");
  return (
    <ChartFrame
      id="rd-scatter"
      level={2}
      title={t("rendement.scatter")}
      description={t("rendement.scatterAlt")}
      rows={points}
      columns={columns}
      rowKey={(p) => p.id}
      empty={t("rendement.noScatter")}
    >
      <ResponsiveContainer width="100%" height={360}>
        <ScatterChart margin={{ top: 16, right: 40, bottom: 24, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="cases"
            name={t("rendement.cases")}
            allowDecimals={false}
            label={{ value: t("rendement.cases"), position: "insideBottom", offset: -12, fill: "#1b1b1b" }}
          />
          <YAxis
            type="number"
            dataKey="cost"
            name={t("metrics.cost")}
            tickFormatter={euro}
            width={90}
            label={{ value: t("metrics.cost"), angle: -90, position: "insideLeft", fill: "#1b1b1b" }}
          />
          <Tooltip formatter={(v, key) => (key === t("metrics.cost") ? f.money(Number(v)) : String(v))} />
          <Scatter data={points} name={t("case.municipality")} fill="#1f5f8b" stroke="#1b1b1b" isAnimationActive={false}>
            <LabelList
              dataKey="name"
              content={(props) => <SideLabel {...(props as LabelProps)} side={sides[Number(props.index)] ?? "top"} />}
            />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: number | string;
}

/** A point's name on the side chosen for it, or nothing. */
function SideLabel({ x = 0, y = 0, width = 0, height = 0, value, side }: LabelProps & { side: Side }) {
  if (side === "none") return null;
  const cx = Number(x) + Number(width) / 2,
    cy = Number(y) + Number(height) / 2;
  const at: Record<Exclude<Side, "none">, { x: number; y: number; anchor: "start" | "middle" | "end" }> = {
    top: { x: cx, y: cy - 10, anchor: "middle" },
    bottom: { x: cx, y: cy + 20, anchor: "middle" },
    right: { x: cx + 10, y: cy + 4, anchor: "start" },
    left: { x: cx - 10, y: cy + 4, anchor: "end" },
  };
  const spot = at[side];
  return (
    <text x={spot.x} y={spot.y} textAnchor={spot.anchor} fill="#1b1b1b" fontSize={12}>
      {value}
    </text>
  );
}

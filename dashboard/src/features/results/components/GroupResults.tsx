import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useDimensionName } from "../../../shared/dimensions.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { useNarrow, WrappedTick } from "../../../shared/chart/WrappedTick.tsx";
import { GROUPINGS, isScale, type DimensionResult, type GroupResult, type Grouping } from "../api/results.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";

export const GROUPING_KEY: Record<Grouping, MessageKey> = {
  organisationType: "results.byType",
  branch: "results.byBranch",
  municipality: "results.byMunicipality",
};

type Shown = Extract<GroupResult, { suppressed: false }>;
const dimensionOf = (g: GroupResult, key: string) => (g.suppressed ? undefined : g.dimensions.find((d) => d.dimension === key));
const scored = (d: ReturnType<typeof dimensionOf>): d is DimensionResult => !!d && !("suppressed" in d);

/**
 * Results per organisation type, branch or municipality. A group (or one figure of a
 * group) under the threshold shows "onderdrukt (< 5)" and never a number, in the chart,
 * the table and the CSV alike: with fewer people an answer can point at its writer.
 */
export function GroupResults({
  groups,
  grouping,
  onGrouping,
  dims,
  dimension,
  onDimension,
  name,
  minGroupSize,
}: {
  groups: GroupResult[];
  grouping: Grouping;
  onGrouping: (g: Grouping) => void;
  dims: DimensionResult[];
  dimension: string;
  onDimension: (d: string) => void;
  name: (key: string) => string;
  minGroupSize: number;
}) {
  const { t } = useI18n();
  // On a phone the names wrap in a narrower column, so the bars keep their room.
  const narrow = useNarrow();
  const dimName = useDimensionName();
  const f = useFormat();
  const hidden = t("results.suppressedCell", { n: minGroupSize });
  const scale = dims.filter((d) => isScale(d.dimension));
  const chosen = scale.find((d) => d.dimension === dimension) ?? scale[0];
  const rows = [...groups].sort((a, b) => name(a.key).localeCompare(name(b.key), "nl"));
  const inChart = rows.filter((g) => scored(dimensionOf(g, chosen?.dimension ?? "")));
  const left = rows.filter((g) => !inChart.includes(g));
  const data = inChart.map((g) => {
    const d = dimensionOf(g, chosen.dimension) as DimensionResult;
    return { name: name(g.key), mean: Number(d.mean.toFixed(2)), err: d.ci ? [d.mean - d.ci.low, d.ci.high - d.mean] : [0, 0] };
  });
  const shown = (g: GroupResult, value: (x: Shown) => string | number | null) => (g.suppressed ? hidden : value(g));
  const columns: Column<GroupResult>[] = [
    { label: t(GROUPING_KEY[grouping]), value: (g) => name(g.key) },
    { label: t("results.respondents"), value: (g) => shown(g, (x) => x.respondents) },
    {
      label: t("results.rate"),
      value: (g) => shown(g, (x) => (x.responseRate === null ? null : Math.round(1000 * x.responseRate) / 10)),
      render: (g) => (g.suppressed ? hidden : f.percent(g.responseRate)),
    },
    { label: t("results.nps"), value: (g) => shown(g, (x) => (x.nps ? Math.round(x.nps.nps) : null)) },
    ...scale.map(
      (dim): Column<GroupResult> => ({
        label: dim.label,
        value: (g) => {
          if (g.suppressed) return hidden;
          const d = dimensionOf(g, dim.dimension);
          return scored(d) ? Number(d.mean.toFixed(2)) : d ? hidden : null;
        },
        digits: 2,
      }),
    ),
  ];
  return (
    <section aria-labelledby="groups-title" className="stack">
      <h2 id="groups-title">{t("results.groupsTitle")}</h2>
      <form role="search" aria-label={t("results.groupFilters")} className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="results-group">{t("results.groupBy")}</label>
          <select id="results-group" value={grouping} onChange={(e) => onGrouping(e.target.value as Grouping)}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(GROUPING_KEY[g])}
              </option>
            ))}
          </select>
        </div>
        {scale.length > 0 && (
          <div>
            <label htmlFor="results-dimension">{t("results.chartDimension")}</label>
            <select id="results-dimension" value={chosen.dimension} onChange={(e) => onDimension(e.target.value)}>
              {scale.map((d) => (
                <option key={d.dimension} value={d.dimension}>
                  {dimName(d.dimension, d.label)}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <p className="hint">{t("results.suppressionHelp", { n: minGroupSize })}</p>
      <ChartFrame
        id="results-groups"
        title={t("results.groupChart", { dimension: chosen?.label ?? "", grouping: t(GROUPING_KEY[grouping]).toLowerCase() })}
        description={t("results.groupAlt")}
        rows={rows}
        columns={columns}
        rowKey={(g) => g.key}
        empty={t("results.noGroups")}
        note={
          left.length > 0 && (
            <p className="hint">{t("results.leftOut", { names: left.map((g) => name(g.key)).join(", "), n: minGroupSize })}</p>
          )
        }
      >
        <ResponsiveContainer width="100%" height={Math.max(140, 60 + 34 * data.length)}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
            <YAxis type="category" dataKey="name" width={narrow ? 110 : 200} interval={0} tick={<WrappedTick max={narrow ? 14 : 30} />} />
            <Tooltip formatter={(v) => f.number(Number(v), 2)} />
            <Bar dataKey="mean" name={t("results.mean")} fill="#1f5f8b" isAnimationActive={false}>
              <ErrorBar dataKey="err" width={6} stroke="#1b1b1b" direction="x" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </section>
  );
}

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { messages, type MessageKey } from "../../../../../i18n/messages.ts";
import type { Item, Reply } from "../../../shared/api/contract.ts";
import { useReply } from "../../../shared/api/query.ts";
import { ChartFrame, ScrollBox, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { usePlaceNames } from "../api/waves.ts";

type Fieldwork = Reply<"getWaveFieldwork">;
type Day = Item<Fieldwork["days"]>;
type Group = Item<Fieldwork["groups"]["branch"]>;

const SERIES = [
  { key: "invited", label: "fieldwork.invited", colour: "#1f4e79", dash: "" },
  { key: "opened", label: "fieldwork.opened", colour: "#8a5a00", dash: "6 3" },
  { key: "started", label: "fieldwork.started", colour: "#6b3fa0", dash: "2 2" },
  { key: "submitted", label: "fieldwork.submitted", colour: "#2e7d4f", dash: "" },
] as const satisfies readonly { key: keyof Day["cumulative"]; label: MessageKey; colour: string; dash: string }[];

/**
 * The fieldwork monitor: invited, opened, started and submitted per day (cumulative, as a
 * line chart with its table), per organisation type and branch, and the response rate on
 * this day of fieldwork against the previous wave on the same day.
 */
export function FieldworkMonitor({ waveId }: { waveId: string }) {
  const { t } = useI18n();
  const f = useFormat();
  const res = useReply("getWaveFieldwork", `/waves/${waveId}/fieldwork`);
  const place = usePlaceNames();
  const fw = res.data;
  if (!fw) return <Status loading={res.loading} error={res.error} />;
  const { current, previous } = fw.sameDay;
  const columns: Column<Day>[] = [
    { label: t("fieldwork.date"), value: (d) => d.date, render: (d) => f.date(d.date) },
    ...SERIES.map((s): Column<Day> => ({ label: t(s.label), value: (d) => d.cumulative[s.key] })),
  ];
  const rows = fw.days.map((d) => ({ ...d, label: f.date(d.date), ...d.cumulative }));
  return (
    <section aria-labelledby="fieldwork-title" className="card stack wide">
      <h2 id="fieldwork-title">
        {t("fieldwork.title")} <span className="muted small">{t("fieldwork.day", { day: fw.fieldworkDay })}</span>
      </h2>
      <dl className="kpis">
        {SERIES.map((s) => (
          <div key={s.key}>
            <dt>{t(s.label)}</dt>
            <dd>{f.number(fw.totals[s.key])}</dd>
          </div>
        ))}
        <div>
          <dt>{t("fieldwork.rate")}</dt>
          <dd>{f.percent(fw.totals.responseRate, 1)}</dd>
        </div>
      </dl>
      <p>
        {t("fieldwork.sameDay", {
          day: fw.fieldworkDay,
          current: f.percent(current.responseRate, 1),
          submitted: f.number(current.submitted),
          invited: f.number(current.invited),
        })}{" "}
        {previous
          ? t("fieldwork.sameDayPrevious", {
              name: previous.name,
              rate: f.percent(previous.responseRate, 1),
              submitted: f.number(previous.submitted),
              invited: f.number(previous.invited),
            })
          : t("fieldwork.noPrevious")}
      </p>
      <ChartFrame
        id={`fieldwork-${waveId}`}
        title={t("fieldwork.perDay")}
        description={t("fieldwork.perDayAlt")}
        rows={fw.days}
        columns={columns}
        rowKey={(d) => d.date}
        empty={t("fieldwork.noDays")}
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={t(s.label)}
                stroke={s.colour}
                strokeDasharray={s.dash || undefined}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <GroupTable title={t("fieldwork.byType")} groups={fw.groups.organisationType} name={(g) => orgTypeName(t, g)} />
      <GroupTable title={t("fieldwork.byBranch")} groups={fw.groups.branch} name={place.branch} />
    </section>
  );
}

/** A group the catalog has no word for (an "unknown" bucket) is shown as the API names it. */
function orgTypeName(t: (key: MessageKey) => string, group: string) {
  const key = `orgType.${group}`;
  return key in messages.nl ? t(key as MessageKey) : group;
}

function GroupTable({ title, groups, name }: { title: string; groups: Group[]; name: (group: string) => string }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!groups.length) return null;
  return (
    <ScrollBox label={title}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fieldwork.group")}</th>
            {SERIES.map((s) => (
              <th scope="col" key={s.key}>
                {t(s.label)}
              </th>
            ))}
            <th scope="col">{t("fieldwork.rate")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{name(g.group)}</th>
              {SERIES.map((s) => (
                <td key={s.key}>{f.number(g[s.key])}</td>
              ))}
              <td>{f.percent(g.responseRate, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useDimensionName } from "../../../shared/dimensions.ts";
import type { Overview } from "../api/overview.ts";
import { ChangeText } from "./ChangeText.tsx";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { Tile } from "./Tile.tsx";

type Satisfaction = Overview["satisfaction"];
type Score = NonNullable<NonNullable<Satisfaction["latest"]>["grade"]>;

/** The latest closed wave: mark, NPS, weakest and strongest dimension with their change in words; then the trend. */
export function SatisfactionTile({ data }: { data: Satisfaction }) {
  const { t } = useI18n();
  const f = useFormat();
  const dimensionName = useDimensionName();
  const latest = data.latest;
  const score = (label: string, s: Score | null, digits: number, testid: string) =>
    s && (
      <div data-testid={testid}>
        <dt>{label}</dt>
        <dd>
          {testid === "weakest" || testid === "strongest" ? (
            <span className="kpi-name">{dimensionName(s.dimension, s.label)}: </span>
          ) : null}
          <span className="kpi-value">{f.number(s.mean, digits)}</span>
        </dd>
        <dd className="kpi-sub">
          <ChangeText change={s.change} digits={digits} />
        </dd>
      </div>
    );
  return (
    <Tile
      id="tile-satisfaction"
      title={t("overview.satisfaction")}
      link={{ to: "/resultaten", search: latest ? { wave: latest.waveId } : {} }}
      linkText={t("overview.toResults")}
    >
      {!latest ? (
        <p className="empty">{t("overview.satisfaction.none")}</p>
      ) : (
        <>
          <p>
            {t("overview.satisfaction.wave", {
              wave: latest.name,
              date: f.date(latest.closesAt.slice(0, 10)),
              n: f.number(latest.respondents),
            })}{" "}
            {latest.previous ? t("overview.vsPrevious", { wave: latest.previous.name }) : t("overview.noPrevious")}
          </p>
          {latest.suppressed ? (
            <p className="empty">{t("overview.satisfaction.suppressed")}</p>
          ) : (
            <dl className="kpis">
              {score(t("overview.grade"), latest.grade, 1, "grade")}
              {latest.nps && (
                <div data-testid="nps">
                  <dt>{t("overview.nps")}</dt>
                  <dd>
                    <span className="kpi-value">{f.number(latest.nps.nps, 0)}</span>
                  </dd>
                  <dd className="kpi-sub">
                    <ChangeText change={latest.nps.change} digits={0} />
                  </dd>
                </div>
              )}
              {score(t("overview.weakest"), latest.weakest, 2, "weakest")}
              {score(t("overview.strongest"), latest.strongest, 2, "strongest")}
            </dl>
          )}
        </>
      )}
      {data.trend.length > 0 && (
        <ScrollBox label={t("overview.trend")}>
          <table className="reflow">
            <caption>{t("overview.trend")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overview.trend.wave")}</th>
                <th scope="col">{t("overview.trend.closed")}</th>
                <th scope="col">{t("overview.trend.respondents")}</th>
                <th scope="col">{t("overview.grade")}</th>
                <th scope="col">{t("overview.nps")}</th>
              </tr>
            </thead>
            <tbody>
              {data.trend.map((p) => (
                <tr key={p.waveId}>
                  <th scope="row">{p.name}</th>
                  <td data-label={t("overview.trend.closed")}>{f.date(p.closesAt.slice(0, 10))}</td>
                  <td data-label={t("overview.trend.respondents")}>{f.number(p.respondents)}</td>
                  <td data-label={t("overview.grade")}>{p.grade === null || p.suppressed ? "–" : f.number(p.grade, 1)}</td>
                  <td data-label={t("overview.nps")}>{p.nps === null || p.suppressed ? "–" : f.number(p.nps, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </Tile>
  );
}

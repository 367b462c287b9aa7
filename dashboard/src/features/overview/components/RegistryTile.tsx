import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Overview } from "../api/overview.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { Tile } from "./Tile.tsx";

type Figures = Overview["registry"]["total"]["current"];

/** Cases, conferences, hours and cost this quarter against the same days last year, per branch. */
export function RegistryTile({ registry }: { registry: Overview["registry"] }) {
  const { t } = useI18n();
  const f = useFormat();
  const cells = (now: Figures, before: Figures) =>
    (
      [
        ["cases", (v: number) => f.number(v)],
        ["conferences", (v: number) => f.number(v)],
        ["hours", (v: number) => f.number(v, Number.isInteger(v) ? 0 : 1)],
        ["cost", (v: number) => f.euros(v)],
      ] as const
    ).map(([k, show]) => (
      <td key={k} data-label={t(`overview.registry.${k}`)}>
        {show(now[k])}{" "}
        <span className="muted small">
          ({t("overview.registry.before")} {show(before[k])})
        </span>
      </td>
    ));
  return (
    <Tile
      id="tile-registry"
      wide
      title={t("overview.registry")}
      link={{ to: "/kengetallen", search: { from: registry.current.from, to: registry.current.to } }}
      linkText={t("overview.toMetrics")}
    >
      <p>
        {t("overview.registry.period", {
          from: f.date(registry.current.from),
          to: f.date(registry.current.to),
          fromBefore: f.date(registry.lastYear.from),
          toBefore: f.date(registry.lastYear.to),
        })}
      </p>
      <ScrollBox label={t("overview.registry.caption")}>
        <table className="reflow">
          <caption>{t("overview.registry.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overview.registry.branch")}</th>
              <th scope="col">{t("overview.registry.cases")}</th>
              <th scope="col">{t("overview.registry.conferences")}</th>
              <th scope="col">{t("overview.registry.hours")}</th>
              <th scope="col">{t("overview.registry.cost")}</th>
            </tr>
          </thead>
          <tbody>
            {registry.branches.map((b) => (
              <tr key={b.branchId} data-testid={`branch-${b.branchId}`}>
                <th scope="row">{b.name}</th>
                {cells(b.current, b.previous)}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("overview.registry.total")}</th>
              {cells(registry.total.current, registry.total.previous)}
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <h3>{t("overview.registry.municipalities")}</h3>
      {registry.municipalities.length === 0 ? (
        <p className="empty">{t("overview.registry.noChange")}</p>
      ) : (
        <ol data-testid="top-municipalities">
          {registry.municipalities.map((m) => (
            <li key={m.municipalityId}>
              {t("overview.registry.municipality", {
                name: m.name,
                now: f.number(m.current.cases),
                before: f.number(m.previous.cases),
                hours: f.number(m.current.hours, Number.isInteger(m.current.hours) ? 0 : 1),
                hoursBefore: f.number(m.previous.hours, Number.isInteger(m.previous.hours) ? 0 : 1),
              })}
            </li>
          ))}
        </ol>
      )}
    </Tile>
  );
}

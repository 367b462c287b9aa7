import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { STATUS_KEY } from "./CaseStatusForm.tsx";
import type { Case } from "../api/registry.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { SortHeader } from "../../../shared/components/PagedList.tsx";

/** One page of the case list: pseudonymous codes and structured facts only; changes open a case's detail. */
export function CaseTable({
  cases,
  total,
  name,
  sort,
  onSort,
  onOpen,
}: {
  cases: Case[];
  total: number;
  name: (id: string) => string;
  sort: string;
  onSort: (sort: string) => void;
  onOpen: (c: Case) => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollBox label={t("chart.table", { title: t("cases.caption", { n: total }) })}>
      <table className="reflow">
        <caption>{t("cases.caption", { n: f.number(total) })}</caption>
        <thead>
          <tr>
            <SortHeader label={t("case.code")} column="code" sort={sort} onSort={onSort} />
            <SortHeader label={t("case.municipality")} column="municipality" sort={sort} onSort={onSort} />
            <th scope="col">{t("case.themes")}</th>
            <SortHeader label={t("case.status")} column="status" sort={sort} onSort={onSort} />
            <SortHeader label={t("case.registeredOn")} column="registeredOn" sort={sort} onSort={onSort} />
            <th scope="col">{t("case.closedOn")}</th>
            <th scope="col">{t("case.local")}</th>
            <th scope="col">
              <span className="sr-only">{t("hours.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <code>{c.code}</code>
              </th>
              <td data-label={t("case.municipality")}>{name(c.municipalityId)}</td>
              <td data-label={t("case.themes")}>{c.themeIds.map(name).join(", ")}</td>
              <td data-label={t("case.status")}>
                <span className={`badge status-${c.status}`}>{t(STATUS_KEY[c.status])}</span>
              </td>
              <td data-label={t("case.registeredOn")}>{f.date(c.registeredOn)}</td>
              <td data-label={t("case.closedOn")}>{f.date(c.closedOn)}</td>
              <td data-label={t("case.local")}>
                {c.handledLocallyOn ? t("case.localSince", { date: f.date(c.handledLocallyOn) }) : t("form.no")}
              </td>
              <td>
                <button type="button" className="secondary" aria-label={t("case.detailsFor", { code: c.code })} onClick={() => onOpen(c)}>
                  {t("case.details")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

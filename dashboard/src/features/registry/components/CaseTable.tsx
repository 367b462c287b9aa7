import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { CaseStatusForm, STATUS_KEY } from "./CaseStatusForm.tsx";
import type { Case } from "../api/registry.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

/** The case list: pseudonymous codes and structured facts only. */
export function CaseTable({ cases, name, canWrite }: { cases: Case[]; name: (id: string) => string; canWrite: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollBox label={t("chart.table", { title: t("cases.caption", { n: cases.length }) })}>
      <table className="reflow">
        <caption>{t("cases.caption", { n: cases.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("case.code")}</th>
            <th scope="col">{t("case.municipality")}</th>
            <th scope="col">{t("case.themes")}</th>
            <th scope="col">{t("case.status")}</th>
            <th scope="col">{t("case.registeredOn")}</th>
            <th scope="col">{t("case.closedOn")}</th>
            <th scope="col">{t("case.local")}</th>
            {canWrite && <th scope="col">{t("case.changeStatus")}</th>}
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
              {canWrite && (
                <td data-label={t("case.changeStatus")}>
                  <CaseStatusForm item={c} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

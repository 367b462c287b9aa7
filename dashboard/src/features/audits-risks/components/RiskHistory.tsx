import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { CHANGE_KEY, type RiskHistoryEntry } from "../api/auditsRisks.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { isDateField } from "../../../shared/dateFields.ts";

/** Every version of a risk, newest first: when, who, what kind of change, why, and each field from → to. */
export function RiskHistory({ history, ownerName }: { history: RiskHistoryEntry[]; ownerName: (id: string) => string | undefined }) {
  const { t } = useI18n();
  const f = useFormat();
  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === "") return "–";
    if (field === "ownerId" && typeof v === "string") return ownerName(v) ?? t("people.unknown");
    if (typeof v === "string" && isDateField(field)) return f.date(v);
    return String(v);
  };
  const newestFirst = [...history].sort((a, b) => b.version - a.version);
  return (
    <ScrollBox label={t("chart.table", { title: t("riskHistory.caption", { n: history.length }) })}>
      <table>
        <caption>{t("riskHistory.caption", { n: history.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("riskHistory.version")}</th>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("riskHistory.change")}</th>
            <th scope="col">{t("riskHistory.what")}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((h) => (
            <tr key={h.version}>
              <th scope="row">{h.version}</th>
              <td>{f.dateTime(h.changedAt)}</td>
              <td>{h.changedByName ?? t("people.unknown")}</td>
              <td>
                {t(CHANGE_KEY[h.change])}
                {h.note && <div className="hint">{h.note}</div>}
              </td>
              <td>
                {h.change === "created" ? (
                  t("riskHistory.created")
                ) : h.changes.length === 0 ? (
                  t("riskHistory.unchanged")
                ) : (
                  <ul className="plain">
                    {h.changes.map((c) => (
                      <li key={c.field}>
                        {c.label}: {show(c.field, c.from)} → {show(c.field, c.to)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

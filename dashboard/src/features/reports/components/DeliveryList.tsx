import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import type { Delivery } from "../../registry/api/registry.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

/** Reports put out for municipalities, each downloadable exactly as it was sent. */
export function DeliveryList({
  deliveries,
  caption,
  showMunicipality,
}: {
  deliveries: Delivery[];
  caption: string;
  showMunicipality: boolean;
}) {
  const { t } = useI18n();
  const f = useFormat();
  if (!deliveries.length) return <p className="empty">{t("uitdraai.noDeliveries")}</p>;
  return (
    <ScrollBox label={t("chart.table", { title: caption })}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showMunicipality && <th scope="col">{t("case.municipality")}</th>}
            <th scope="col">{t("period.title")}</th>
            <th scope="col">{t("uitdraai.generatedAt")}</th>
            <th scope="col">{t("uitdraai.sha")}</th>
            <th scope="col">{t("uitdraai.size")}</th>
            <th scope="col">{t("uitdraai.status")}</th>
            <th scope="col">{t("uitdraai.file")}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const period = `${f.date(d.periodFrom)} – ${f.date(d.periodTo)}`;
            return (
              <tr key={d.id}>
                {showMunicipality && <th scope="row">{d.municipality}</th>}
                {showMunicipality ? <td>{period}</td> : <th scope="row">{period}</th>}
                <td>{f.dateTime(d.generatedAt)}</td>
                <td>
                  <code title={d.sha256}>{d.sha256.slice(0, 12)}…</code>
                </td>
                <td>{f.bytes(d.size)}</td>
                <td>
                  <DeliveryState delivery={d} />
                </td>
                <td>
                  <a href={`/api/reports/deliveries/${encodeURIComponent(d.id)}`} download>
                    {t("uitdraai.download")}
                    <span className="sr-only">
                      {" "}
                      {showMunicipality ? d.municipality : ""} {period}
                    </span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Where the e-mail with the report is; the status is a code, its words come from the catalog. */
function DeliveryState({ delivery: d }: { delivery: Delivery }) {
  const { t } = useI18n();
  const f = useFormat();
  switch (d.status) {
    case "sent":
      return <>{t("uitdraai.status.sent", { to: d.toAddress ?? "", date: d.sentAt ? f.dateTime(d.sentAt) : "" })}</>;
    case "failed":
      return <strong>{t("uitdraai.status.failed", { to: d.toAddress ?? "", reason: d.error ?? "" })}</strong>;
    default:
      return <>{t(`uitdraai.status.${d.status}`)}</>;
  }
}

import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { usePeriod } from "../../../shared/period/usePeriod.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { PeriodPicker } from "../../../shared/period/PeriodPicker.tsx";
import { ReportDownloads } from "./ReportDownloads.tsx";
import { DeliveryList } from "./DeliveryList.tsx";

export function MunicipalityPage({ municipalityId }: { municipalityId: string }) {
  const { t } = useI18n();
  const figures = useReply("getMunicipalityFigures", `/municipalities/${municipalityId}/figures`);
  const deliveries = useReply("listReportDeliveries", "/reports/deliveries");
  const [period, setPeriod] = usePeriod(getRouteApi("/gemeente"));
  if (!figures.data) return <Status loading={figures.loading} error={figures.error} />;
  return (
    <section aria-labelledby="mun-title" className="stack">
      <h1 id="mun-title">{figures.data.municipality.name}</h1>
      <table>
        <caption>{t("municipality.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("municipality.wave")}</th>
            <th scope="col">{t("results.invited")}</th>
            <th scope="col">{t("results.respondents")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.data.waves.map((w) => (
            <tr key={w.wave}>
              <th scope="row">{w.wave}</th>
              <td>{w.invited}</td>
              <td>{w.responded}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("uitdraai.title")}</h2>
      <p>{t("uitdraai.municipalityHelp")}</p>
      <PeriodPicker value={period} onChange={setPeriod} />
      <ReportDownloads municipality={figures.data.municipality} period={period} />
      <h2>{t("uitdraai.deliveries")}</h2>
      {deliveries.data ? (
        <DeliveryList deliveries={deliveries.data.deliveries} caption={t("uitdraai.deliveries")} showMunicipality={false} />
      ) : (
        <Status loading={deliveries.loading} error={deliveries.error} />
      )}
    </section>
  );
}

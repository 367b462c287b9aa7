import { useState } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { usePeriod } from "../../../shared/period/usePeriod.ts";
import { validPeriod } from "../../../shared/period/period.ts";
import { useMunicipalities } from "../../registry/api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { PeriodPicker } from "../../../shared/period/PeriodPicker.tsx";
import { ReportDownloads } from "./ReportDownloads.tsx";
import { DeliveryList } from "./DeliveryList.tsx";
import type { Delivery } from "../../registry/api/registry.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";

/** Uitdraaien: one municipality's report to download, or every municipality's put out at once. */
export function ReportsPage() {
  const { t } = useI18n();
  const f = useFormat();
  const [period, setPeriod, search, setSearch] = usePeriod(getRouteApi("/uitdraaien"));
  const municipalities = useMunicipalities();
  // Reports waiting in the outbox are sent by the server's mailer (about once a minute); reload until
  // each is sent or failed. Without SMTP they wait for good, so stop looking after ten minutes.
  const deliveries = useReply("listReportDeliveries", "/reports/deliveries", undefined, (d) =>
    d?.deliveries.some((x) => x.status === "queued" && Date.now() - Date.parse(x.generatedAt) < 10 * 60_000) ? 5000 : false,
  );
  const [created, setCreated] = useState<Delivery[] | null>(null);
  const { error, busy, run } = useSubmit();
  const sending = useSend("sendMunicipalityReports", "POST", ["listReportDeliveries"]);
  const chosen = municipalities.list.find((m) => m.id === search.municipality) ?? municipalities.list[0];

  async function sendAll() {
    if (!confirm(t("uitdraai.confirmSend", { from: f.date(period.from), to: f.date(period.to) }))) return;
    setCreated(null);
    await run(async () => {
      setCreated((await sending.send("/reports/municipalities", period)).deliveries);
    });
  }

  return (
    <section aria-labelledby="reports-title" className="stack">
      <h1 id="reports-title">{t("nav.reports")}</h1>
      <p className="lead">{t("uitdraai.intro")}</p>
      <PeriodPicker value={period} onChange={setPeriod} />
      <h2>{t("uitdraai.one")}</h2>
      {municipalities.error || !chosen ? (
        <Status loading={municipalities.loading} error={municipalities.error} />
      ) : (
        <>
          <div>
            <label htmlFor="rp-municipality">{t("case.municipality")}</label>{" "}
            <select id="rp-municipality" value={chosen.id} onChange={(e) => setSearch({ municipality: e.target.value })}>
              {municipalities.list.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <ReportDownloads municipality={chosen} period={period} />
        </>
      )}
      <h2>{t("uitdraai.all")}</h2>
      <p>{t("uitdraai.allHelp")}</p>
      <div>
        <button type="button" onClick={sendAll} disabled={busy || !validPeriod(period)}>
          {t("uitdraai.sendAll")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="loading">{t("uitdraai.sending")}</p>}
        {created && (
          <p className="ok">
            {t("uitdraai.sent", { n: created.length })}{" "}
            {t("uitdraai.queued", { n: created.length, queued: created.filter((d) => d.status === "queued").length })}
          </p>
        )}
      </div>
      <Status error={error} />
      <h2>{t("uitdraai.deliveries")}</h2>
      {deliveries.data ? (
        <DeliveryList deliveries={deliveries.data.deliveries} caption={t("uitdraai.deliveries")} showMunicipality />
      ) : (
        <Status loading={deliveries.loading} error={deliveries.error} />
      )}
    </section>
  );
}

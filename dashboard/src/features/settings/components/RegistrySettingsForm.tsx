import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSend } from "../../../shared/api/query.ts";
import { useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import type { Reply } from "../../../shared/api/contract.ts";
import { roleLabel } from "../../hours/api/hours.ts";

type Settings = Reply<"getRegistrySettings">;
interface RateRow {
  key: string;
  role: string;
  rate: string;
}

/**
 * Hourly rates per staff function and the retention term of working notes, with its
 * justification (the AVG sets no term: the house chooses one and records why). Saved
 * together: the API takes the registry settings as one record, every change audited.
 */
export function RegistrySettingsForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  const save = useSend("updateRegistrySettings", "PUT", ["getRegistrySettings", "getConferenceMetrics", "getMyWeek", "listActivities"]);
  const [rates, setRates] = useState<RateRow[]>(() =>
    Object.entries(settings.hourlyRates).map(([role, rate], i) => ({ key: `r${i}`, role, rate: String(rate) })),
  );
  const [days, setDays] = useState(String(settings.retentionDays));
  const [why, setWhy] = useState(settings.retentionJustification);
  const [done, setDone] = useState("");
  const { error, busy, run } = useSubmit();
  const setRate = (key: string, changes: Partial<RateRow>) => setRates(rates.map((r) => (r.key === key ? { ...r, ...changes } : r)));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone("");
    await run(async () => {
      await save.send("/registry/settings", {
        // The ZVH's name is kept as it is here; the profile section edits it.
        organisationName: settings.organisationName,
        retentionDays: Number(days),
        retentionJustification: why,
        hourlyRates: Object.fromEntries(rates.map((r) => [r.role.trim(), Number(r.rate.replace(",", "."))])),
      });
      setDone(t("settings.saved"));
    });
  }
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="rates-title">
      <h2 id="rates-title">{t("settings.ratesRetention")}</h2>
      <ScrollBox label={t("chart.table", { title: t("settings.rates") })}>
        <table>
          <caption>{t("settings.rates")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hours.staffRole")}</th>
              <th scope="col">{t("settings.rate")}</th>
              {canEdit && (
                <th scope="col">
                  <span className="sr-only">{t("hours.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rates.map((r, i) => (
              <tr key={r.key}>
                <td>
                  {canEdit ? (
                    <>
                      <label htmlFor={`rate-role-${i}`} className="sr-only">
                        {t("settings.roleN", { n: i + 1 })}
                      </label>
                      <input
                        id={`rate-role-${i}`}
                        required
                        pattern="[a-z][a-z0-9_]{1,40}"
                        title={t("settings.roleHelp")}
                        value={r.role}
                        onChange={(e) => setRate(r.key, { role: e.target.value })}
                      />
                    </>
                  ) : (
                    roleLabel(r.role)
                  )}
                </td>
                <td>
                  {canEdit ? (
                    <>
                      <label htmlFor={`rate-value-${i}`} className="sr-only">
                        {t("settings.rateFor", { role: roleLabel(r.role) || String(i + 1) })}
                      </label>
                      <input
                        id={`rate-value-${i}`}
                        type="number"
                        required
                        min={0}
                        max={1000}
                        step={0.01}
                        value={r.rate}
                        onChange={(e) => setRate(r.key, { rate: e.target.value })}
                      />
                    </>
                  ) : (
                    f.money(Number(r.rate))
                  )}
                </td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={rates.length <= 1}
                      onClick={() => setRates(rates.filter((x) => x.key !== r.key))}
                    >
                      {t("form.remove")}
                      <span className="sr-only"> {roleLabel(r.role)}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {canEdit && (
        <button
          type="button"
          className="secondary"
          disabled={rates.length >= 20}
          onClick={() => setRates([...rates, { key: `n${Date.now()}`, role: "", rate: "" }])}
        >
          {t("settings.addRate")}
        </button>
      )}
      <label htmlFor="retention-days">{t("settings.retentionDays")}</label>
      <input
        id="retention-days"
        type="number"
        required
        min={1}
        max={3650}
        disabled={!canEdit}
        aria-describedby="retention-help"
        value={days}
        onChange={(e) => setDays(e.target.value)}
      />
      <p id="retention-help" className="hint">
        {t("settings.retentionHelp")}
      </p>
      <label htmlFor="retention-why">{t("settings.retentionWhy")}</label>
      <textarea
        id="retention-why"
        required
        minLength={10}
        maxLength={2000}
        rows={4}
        disabled={!canEdit}
        value={why}
        onChange={(e) => setWhy(e.target.value)}
      />
      {canEdit && (
        <button type="submit" disabled={busy}>
          {t("form.save")}
        </button>
      )}
      <div role="status" aria-live="polite" className="ok">
        {done}
      </div>
      <Status error={error} />
    </form>
  );
}

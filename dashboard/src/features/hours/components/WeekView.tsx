import { useState } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { addDays, today, useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import type { Municipality } from "../../registry/api/registry.ts";
import { KIND_KEY, roleLabel, type Activity } from "../api/hours.ts";
import { useCaseCodes } from "../api/useCaseCodes.ts";
import { CorrectionForm } from "./CorrectionForm.tsx";

/**
 * One's own hours in a week (Monday to Sunday): per day and in total, and every entry,
 * corrected ones kept and marked. The totals count only current records.
 */
export function WeekView({
  date,
  onDate,
  municipalities,
  rates,
  people,
}: {
  date: string | undefined;
  onDate: (date: string | undefined) => void;
  municipalities: Municipality[];
  rates: string[];
  people: { id: string; name: string }[] | null;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const week = useReply("getMyWeek", "/activities/week", { date: date ?? today() });
  const [correcting, setCorrecting] = useState<Activity>();
  const codes = useCaseCodes(week.data?.activities.map((a) => a.caseId) ?? []);
  const name = (id: string) => municipalities.find((m) => m.id === id)?.name ?? id;
  const w = week.data;
  const isCurrentWeek = !!w && today() >= w.from && today() <= w.to;
  return (
    <section aria-labelledby="week-title" className="card stack">
      <h2 id="week-title">
        {w ? t("hours.weekTitle", { week: w.week.slice(-2).replace(/^0/, ""), from: f.date(w.from), to: f.date(w.to) }) : t("hours.week")}
      </h2>
      <div className="actions" role="group" aria-label={t("hours.weekNav")}>
        <button type="button" className="secondary" disabled={!w} onClick={() => w && onDate(addDays(w.from, -7))}>
          {t("hours.prevWeek")}
        </button>{" "}
        <button type="button" className="secondary" disabled={!w || isCurrentWeek} onClick={() => onDate(undefined)}>
          {t("hours.thisWeek")}
        </button>{" "}
        <button type="button" className="secondary" disabled={!w || isCurrentWeek} onClick={() => w && onDate(addDays(w.from, 7))}>
          {t("hours.nextWeek")}
        </button>
      </div>
      <div aria-busy={week.loading} aria-live="polite">
        {!w ? (
          <Status loading={week.loading} error={week.error} />
        ) : (
          <>
            <ScrollBox label={t("chart.table", { title: t("hours.perDay") })}>
              <table>
                <caption>{t("hours.perDay")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("hours.day")}</th>
                    <th scope="col" className="num">
                      {t("hours.hours")}
                    </th>
                    <th scope="col" className="num">
                      {t("hours.cost")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {w.days.map((d) => (
                    <tr key={d.date}>
                      <th scope="row">{f.date(d.date)}</th>
                      <td className="num">{f.number(d.hours, 2)}</td>
                      <td className="num">{f.money(d.cost)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("hours.total")}</th>
                    <td className="num" data-testid="week-total">
                      {f.number(w.totalHours, 2)}
                    </td>
                    <td className="num">{f.money(w.totalCost)}</td>
                  </tr>
                </tfoot>
              </table>
            </ScrollBox>
            {w.activities.length === 0 ? (
              <p className="empty">{t("hours.noneThisWeek")}</p>
            ) : (
              <ScrollBox label={t("chart.table", { title: t("hours.entries") })}>
                <table>
                  <caption>{t("hours.entries")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("hours.date")}</th>
                      <th scope="col">{t("hours.kind")}</th>
                      <th scope="col">{t("case.municipality")}</th>
                      <th scope="col">{t("hours.case")}</th>
                      <th scope="col">{t("hours.staffRole")}</th>
                      <th scope="col" className="num">
                        {t("hours.hours")}
                      </th>
                      <th scope="col">{t("hours.state")}</th>
                      <th scope="col">
                        <span className="sr-only">{t("hours.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.activities.map((a) => (
                      <tr key={a.id} className={a.correctedById ? "superseded" : undefined}>
                        <td>{f.date(a.performedOn)}</td>
                        <td>{t(KIND_KEY[a.kind])}</td>
                        <td>{name(a.municipalityId)}</td>
                        <td>{a.caseId ? <code>{codes.get(a.caseId)?.code ?? "…"}</code> : "–"}</td>
                        <td>{roleLabel(a.staffRole)}</td>
                        <td className="num">{a.correctedById ? <del>{f.number(a.hours, 2)}</del> : f.number(a.hours, 2)}</td>
                        <td>
                          {a.correctedById ? (
                            <span className="badge">{t("hours.corrected")}</span>
                          ) : a.correctsId ? (
                            <span className="badge" title={a.correctionReason ?? undefined}>
                              {t("hours.correction")}
                            </span>
                          ) : (
                            t("hours.current")
                          )}
                          {a.correctionReason && <span className="hint"> – {a.correctionReason}</span>}
                        </td>
                        <td>
                          {!a.correctedById && (
                            <button type="button" className="secondary" onClick={() => setCorrecting(a)}>
                              {t("hours.correct")}
                              <span className="sr-only">
                                {" "}
                                {f.date(a.performedOn)} {t(KIND_KEY[a.kind])}
                              </span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
          </>
        )}
      </div>
      {correcting && (
        <CorrectionForm
          key={correcting.id}
          item={correcting}
          onDone={() => setCorrecting(undefined)}
          municipalities={municipalities}
          rates={rates}
          people={people}
        />
      )}
    </section>
  );
}

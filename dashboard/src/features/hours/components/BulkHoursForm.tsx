import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { ATTENDANCE_KEY } from "../../registry/components/AttendanceRows.tsx";
import type { Conference, Organisation } from "../../registry/api/registry.ts";
import { HOURS_CHANGES, roleLabel } from "../api/hours.ts";
import { useCaseCodes } from "../api/useCaseCodes.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

interface Row {
  key: string;
  label: string;
  organisationId?: string;
  hours: string;
  staffRole: string;
}

/** One row for the ZVH's own staff member (oneself) and one per partner who took part. */
const rowsFor = (c: Conference, orgName: (id: string) => string, defaultRole: string, selfLabel: string): Row[] => [
  { key: "self", label: selfLabel, hours: "", staffRole: defaultRole },
  ...c.attendance
    .filter((a) => a.status !== "afwezig")
    .map((a) => ({
      key: a.organisationId,
      label: orgName(a.organisationId),
      organisationId: a.organisationId,
      hours: "",
      staffRole: defaultRole,
    })),
];

/**
 * Hours of a conference's attendees in one go: pick a conference, fill in hours per
 * attendee; all rows are saved in one request, or none when one is wrong (the error
 * names the row). Rows left empty are skipped.
 */
export function BulkHoursForm({
  branchId,
  organisations,
  rates,
  defaultRole,
}: {
  branchId: string | null;
  organisations: Organisation[];
  rates: string[];
  defaultRole: string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const conferences = useReply("listConferences", "/conferences", {
    sort: "-heldOn",
    limit: 50,
    ...(branchId ? { branch: branchId } : {}),
  });
  const save = useSend("createActivities", "POST", HOURS_CHANGES);
  const [conferenceId, setConferenceId] = useState("");
  const [caseId, setCaseId] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [done, setDone] = useState("");
  const { error, busy, run } = useSubmit();
  const list = conferences.data?.conferences ?? [];
  const conference = list.find((c) => c.id === conferenceId);
  const codes = useCaseCodes(conference?.caseIds ?? []);
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  function choose(id: string) {
    setConferenceId(id);
    setDone("");
    const c = list.find((x) => x.id === id);
    setCaseId(c?.caseIds[0] ?? "");
    setRows(c ? rowsFor(c, orgName, defaultRole, t("hours.bulkSelf")) : []);
  }
  const setRow = (key: string, changes: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));
  const filled = rows.filter((r) => r.hours.trim() !== "");
  async function submit(e: FormEvent) {
    e.preventDefault();
    const target = codes.get(caseId);
    if (!conference || !target) return;
    await run(async () => {
      const res = await save.send("/activities/bulk", {
        conferenceId: conference.id,
        activities: filled.map((r) => ({
          kind: "casusoverleg" as const,
          municipalityId: target.municipalityId,
          caseId,
          performedOn: conference.heldOn,
          hours: Number(r.hours.replace(",", ".")),
          staffRole: r.staffRole,
          ...(r.organisationId ? { organisationId: r.organisationId } : {}),
        })),
      });
      setDone(
        t("hours.bulkSaved", {
          n: res.activities.length,
          hours: f.number(
            res.activities.reduce((s, a) => s + a.hours, 0),
            2,
          ),
        }),
      );
      setRows(rows.map((r) => ({ ...r, hours: "" })));
    });
  }
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t("hours.bulkTitle")}</h2>
      <p className="hint">{t("hours.bulkIntro")}</p>
      <label htmlFor="bulk-conf">{t("hours.conference")}</label>
      {conferences.data ? (
        <select id="bulk-conf" value={conferenceId} onChange={(e) => choose(e.target.value)}>
          <option value="">{t("form.choose")}</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {t("hours.conferenceOption", { date: f.date(c.heldOn), chair: c.chair, n: c.caseIds.length })}
            </option>
          ))}
        </select>
      ) : (
        <Status loading={conferences.loading} error={conferences.error} />
      )}
      {conference && (
        <>
          <label htmlFor="bulk-case">{t("hours.case")}</label>
          <select id="bulk-case" required value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            {conference.caseIds.map((id) => (
              <option key={id} value={id}>
                {codes.get(id)?.code ?? "…"}
              </option>
            ))}
          </select>
          <ScrollBox label={t("chart.table", { title: t("hours.bulkCaption", { date: f.date(conference.heldOn) }) })}>
            <table>
              <caption>{t("hours.bulkCaption", { date: f.date(conference.heldOn) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("hours.attendee")}</th>
                  <th scope="col">{t("hours.attendance")}</th>
                  <th scope="col">{t("hours.staffRole")}</th>
                  <th scope="col">{t("hours.hours")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const status = conference.attendance.find((a) => a.organisationId === r.organisationId)?.status;
                  return (
                    <tr key={r.key}>
                      <th scope="row" id={`bulk-${i}-who`}>
                        {r.label}
                      </th>
                      <td>{status ? t(ATTENDANCE_KEY[status]) : "–"}</td>
                      <td>
                        <select
                          aria-labelledby={`bulk-${i}-who bulk-${i}-role-label`}
                          value={r.staffRole}
                          onChange={(e) => setRow(r.key, { staffRole: e.target.value })}
                        >
                          {rates.map((k) => (
                            <option key={k} value={k}>
                              {roleLabel(k)}
                            </option>
                          ))}
                        </select>
                        <span id={`bulk-${i}-role-label`} className="sr-only">
                          {t("hours.staffRole")}
                        </span>
                      </td>
                      <td>
                        <input
                          type="number"
                          inputMode="decimal"
                          min={0.25}
                          max={24}
                          step={0.25}
                          aria-labelledby={`bulk-${i}-who bulk-${i}-hours-label`}
                          value={r.hours}
                          onChange={(e) => setRow(r.key, { hours: e.target.value })}
                        />
                        <span id={`bulk-${i}-hours-label`} className="sr-only">
                          {t("hours.hours")}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
          <button type="submit" disabled={busy || filled.length === 0 || !codes.get(caseId)}>
            {t("hours.bulkSubmit", { n: filled.length })}
          </button>
        </>
      )}
      <div role="status" aria-live="polite" className="ok">
        {done}
      </div>
      <Status error={error} />
    </form>
  );
}

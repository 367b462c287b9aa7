import { useState, type FormEvent } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { independenceProblems } from "../../../../../api/domain/audits/independence.ts";
import { IndependenceWarning } from "./IndependenceWarning.tsx";
import { AUDIT_CHANGES, parseCriteria, quarterEnd, quarterMiddle, quarterOf, quarterStart } from "../api/auditsRisks.ts";

/**
 * Plan an audit into the year's programme: process, quarter (and day), auditor and auditee.
 * The independence rule (9.2.2 c) is the server's, applied here too as the choices change,
 * so the planner sees who may not audit what before saving, not after a refusal.
 */
export function PlanAuditForm({ year }: { year: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const processes = useReply("listProcesses", "/processes");
  const people = useReply("listPeople", "/people");
  const create = useSend("createAudit", "POST", AUDIT_CHANGES);
  const { error, setError, busy, run } = useSubmit();
  const now = today();
  const firstQuarter = String(year) === now.slice(0, 4) ? quarterOf(now) : 1;
  const [processId, setProcessId] = useState("");
  const [quarter, setQuarter] = useState(firstQuarter);
  // A plan is for the future: in the current quarter that is today at the earliest, not a day already gone.
  const suggested = (q: number) => (quarterMiddle(year, q) < now && quarterEnd(year, q) >= now ? now : quarterMiddle(year, q));
  const [plannedOn, setPlannedOn] = useState(suggested(firstQuarter));
  const [auditorId, setAuditorId] = useState("");
  const [auditeeId, setAuditeeId] = useState("");
  const [scope, setScope] = useState("");
  const [criteria, setCriteria] = useState("");

  const process = processes.data?.processes.find((p) => p.id === processId);
  const nameOf = (id: string) => people.data?.people.find((p) => p.id === id)?.name ?? id;
  const problems = process
    ? independenceProblems(
        { auditorIds: auditorId ? [auditorId] : [], auditeeIds: auditeeId ? [auditeeId] : [] },
        { ownerIds: process.owners.map((o) => o.id) },
      )
    : [];
  // The plan belongs to the programme year shown; moving the year moves the day with it.
  const day = plannedOn.startsWith(`${year}-`) ? plannedOn : suggested(quarter);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseCriteria(criteria);
    if (parsed.invalid.length || !parsed.criteria.length) {
      setError(new Error(t("arw.plan.criteriaInvalid", { list: parsed.invalid.join(", ") || "–" })));
      return;
    }
    await run(
      async () => {
        const { audit } = await create.send("/audits", {
          processId,
          year,
          scope: scope.trim(),
          criteria: parsed.criteria,
          auditorIds: [auditorId],
          auditeeIds: auditeeId ? [auditeeId] : [],
          plannedOn: day,
        });
        await navigate({ to: "/audits-risicos/audits/$auditId", params: { auditId: audit.id } });
      },
      { keepBusyOnSuccess: true },
    );
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="plan-audit-title">
      <h3 id="plan-audit-title">{t("arw.plan.title", { year })}</h3>
      <div className="field-row">
        <div>
          <label htmlFor="pa-process">{t("programme.process")}</label>
          <select id="pa-process" required value={processId} onChange={(e) => setProcessId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {processes.data?.processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {process && (
            <p className="hint">
              {process.owners.length
                ? t("programme.owners", { names: process.owners.map((o) => o.name).join(", ") })
                : t("arw.plan.noOwner")}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="pa-quarter">{t("arw.plan.quarter")}</label>
          <select
            id="pa-quarter"
            value={quarter}
            onChange={(e) => {
              const q = Number(e.target.value);
              setQuarter(q);
              setPlannedOn(suggested(q));
            }}
          >
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t("arw.plan.quarterOption", { q, year })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pa-day">{t("programme.plannedOn")}</label>
          <input
            id="pa-day"
            type="date"
            required
            min={quarterStart(year, quarter)}
            max={quarterEnd(year, quarter)}
            value={day}
            onChange={(e) => setPlannedOn(e.target.value)}
          />
        </div>
      </div>
      <div className="field-row">
        <div>
          <label htmlFor="pa-auditor">{t("arw.plan.auditor")}</label>
          <select
            id="pa-auditor"
            required
            value={auditorId}
            aria-describedby="pa-independence"
            onChange={(e) => setAuditorId(e.target.value)}
          >
            <option value="">{t("form.choose")}</option>
            {people.data?.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pa-auditee">{t("arw.plan.auditee")}</label>
          <select id="pa-auditee" value={auditeeId} aria-describedby="pa-independence" onChange={(e) => setAuditeeId(e.target.value)}>
            <option value="">{t("arw.plan.noAuditee")}</option>
            {people.data?.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <IndependenceWarning id="pa-independence" problems={problems} nameOf={nameOf} processName={process?.name ?? ""} />
      <div className="field-row">
        <div className="grow">
          <label htmlFor="pa-criteria">{t("arw.plan.criteria")}</label>
          <input
            id="pa-criteria"
            required
            value={criteria}
            aria-describedby="pa-criteria-hint"
            onChange={(e) => setCriteria(e.target.value)}
          />
          <p id="pa-criteria-hint" className="hint">
            {t("arw.plan.criteriaHint")}
          </p>
        </div>
      </div>
      <div>
        <label htmlFor="pa-scope">{t("arw.plan.scope")}</label>
        <textarea id="pa-scope" required rows={2} value={scope} onChange={(e) => setScope(e.target.value)} />
      </div>
      <div>
        <button type="submit" disabled={busy || problems.length > 0}>
          {t("arw.plan.submit")}
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}

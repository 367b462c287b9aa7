import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { independenceProblems } from "../../../../../api/domain/audits/independence.ts";
import { IndependenceWarning } from "./IndependenceWarning.tsx";
import { AUDIT_CHANGES, type AuditDetail } from "../api/auditsRisks.ts";

/**
 * Moving an open audit or giving it another auditor, with the same independence check as
 * planning; and cancelling one that has not been carried out, after a second click.
 */
export function AuditPlanningForm({ audit }: { audit: AuditDetail }) {
  const { t } = useI18n();
  const processes = useReply("listProcesses", "/processes");
  const people = useReply("listPeople", "/people");
  const update = useSend("updateAudit", "PATCH", AUDIT_CHANGES);
  const { error, busy, run } = useSubmit();
  const [plannedOn, setPlannedOn] = useState(audit.plannedOn);
  const [auditorId, setAuditorId] = useState(audit.auditorIds[0] ?? "");
  const [confirming, setConfirming] = useState(false);
  const process = processes.data?.processes.find((p) => p.id === audit.processId);
  const problems = process
    ? independenceProblems({ auditorIds: [auditorId], auditeeIds: audit.auditeeIds }, { ownerIds: process.owners.map((o) => o.id) })
    : [];
  const names = new Map([...audit.auditors, ...(people.data?.people ?? [])].map((p) => [p.id, p.name]));
  const unchanged = plannedOn === audit.plannedOn && auditorId === (audit.auditorIds[0] ?? "");

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await update.send(`/audits/${audit.id}`, {
        ...(plannedOn !== audit.plannedOn ? { plannedOn } : {}),
        // The first auditor is the one chosen here; a team's other members stay on it.
        ...(auditorId !== audit.auditorIds[0]
          ? { auditorIds: [auditorId, ...audit.auditorIds.slice(1).filter((x) => x !== auditorId)] }
          : {}),
      });
    });
  }
  async function cancel() {
    await run(async () => {
      await update.send(`/audits/${audit.id}`, { status: "geannuleerd" });
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="planning-title">
      <div className="field-row">
        <div>
          <label htmlFor="ap-day">{t("programme.plannedOn")}</label>
          <input
            id="ap-day"
            type="date"
            required
            min={`${audit.year}-01-01`}
            max={`${audit.year}-12-31`}
            value={plannedOn}
            onChange={(e) => setPlannedOn(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="ap-auditor">{t("arw.plan.auditor")}</label>
          <select
            id="ap-auditor"
            required
            value={auditorId}
            aria-describedby="ap-independence"
            onChange={(e) => setAuditorId(e.target.value)}
          >
            {[...names].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <IndependenceWarning id="ap-independence" problems={problems} nameOf={(id) => names.get(id) ?? id} processName={audit.processName} />
      <div className="row-form">
        <button type="submit" disabled={busy || unchanged || problems.length > 0}>
          {t("arw.planning.save")}
        </button>
        {!audit.actualOn &&
          (confirming ? (
            <>
              <span>{t("arw.planning.cancelSure")}</span>
              <button type="button" disabled={busy} onClick={cancel}>
                {t("arw.planning.cancelYes")}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t("arw.planning.cancelNo")}
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t("arw.planning.cancel")}
            </button>
          ))}
      </div>
      <Status error={error} />
    </form>
  );
}

import { Link } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { Badge } from "../../../shared/components/Badge.tsx";
import { useCan } from "../../account/api/session.ts";
import { CLASS_KEY } from "../../quality/api/quality.ts";
import { AUDIT_STATUS_KEY, CHECKLIST_RESULT_KEY } from "../api/auditsRisks.ts";
import { AuditChecklistForm } from "./AuditChecklistForm.tsx";
import { AuditPlanningForm } from "./AuditPlanningForm.tsx";
import { AuditReportForm } from "./AuditReportForm.tsx";

/**
 * One internal audit as a working page: what is audited and by whom, the checklist per
 * criterion while it is carried out, the report to management, and the findings the
 * report put into the improvement cycle.
 */
export function AuditDetailPage({ auditId }: { auditId: string }) {
  const { t } = useI18n();
  const f = useFormat();
  const can = useCan();
  const res = useReply("getAudit", `/audits/${encodeURIComponent(auditId)}`);
  if (!res.data) {
    return (
      <section className="stack">
        <p>
          <Link to="/audits-risicos">{t("arw.back")}</Link>
        </p>
        <Status loading={res.loading} error={res.error} />
      </section>
    );
  }
  const a = res.data.audit;
  const open = a.status === "gepland" || a.status === "uitgevoerd";
  const editable = open && can("audits:write");
  return (
    <section className="stack" aria-labelledby="audit-title">
      <p>
        <Link to="/audits-risicos">{t("arw.back")}</Link>
      </p>
      <h1 id="audit-title">{t("arw.audit.title", { ref: a.ref, process: a.processName })}</h1>
      <dl className="facts">
        <div>
          <dt>{t("programme.status")}</dt>
          <dd>
            {t(AUDIT_STATUS_KEY[a.status])}{" "}
            {a.late && (
              <Badge tone="warn" symbol="!">
                {t("programme.lateBadge")}
              </Badge>
            )}
            {a.reportLate && (
              <Badge tone="warn" symbol="!">
                {t("programme.reportLateBadge")}
              </Badge>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("programme.plannedOn")}</dt>
          <dd>{f.date(a.plannedOn)}</dd>
        </div>
        <div>
          <dt>{t("programme.actualOn")}</dt>
          <dd>{f.date(a.actualOn)}</dd>
        </div>
        <div>
          <dt>{t("arw.audit.reportedOn")}</dt>
          <dd>{f.date(a.reportedOn)}</dd>
        </div>
        <div>
          <dt>{t("programme.auditors")}</dt>
          <dd>{a.auditors.map((p) => p.name).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("arw.audit.auditees")}</dt>
          <dd>{a.auditees.map((p) => p.name).join(", ") || "–"}</dd>
        </div>
        <div>
          <dt>{t("arw.audit.criteria")}</dt>
          <dd>{a.criteria.join(", ")}</dd>
        </div>
      </dl>
      <p className="prose">
        <strong>{t("arw.plan.scope")}:</strong> {a.scope}
      </p>
      {a.late && <p className="hint">{t("arw.audit.lateHelp")}</p>}

      {editable && (
        <>
          <h2 id="planning-title">{t("arw.planning.title")}</h2>
          <AuditPlanningForm key={`${a.plannedOn}-${a.auditorIds.join()}`} audit={a} />
        </>
      )}

      <h2 id="checklist-title">{t("arw.checklist.title")}</h2>
      {editable ? (
        <AuditChecklistForm audit={a} />
      ) : a.checklist.length === 0 ? (
        <p className="empty">{t("arw.checklist.none")}</p>
      ) : (
        <table>
          <caption>{t("arw.checklist.caption", { ref: a.ref })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("arw.checklist.criterion")}</th>
              <th scope="col">{t("arw.checklist.result")}</th>
              <th scope="col">{t("arw.checklist.observation")}</th>
            </tr>
          </thead>
          <tbody>
            {a.checklist.map((c) => (
              <tr key={c.criterion}>
                <th scope="row">{c.criterion}</th>
                <td>{t(CHECKLIST_RESULT_KEY[c.result])}</td>
                <td>{c.observation || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="report-title">{t("arw.report.title")}</h2>
      {a.status === "gerapporteerd" ? (
        <>
          <p>
            <strong>{t("arw.report.strongPoints")}:</strong> {a.strongPoints}
          </p>
          <p>
            <strong>{t("arw.report.conclusion")}:</strong> {a.conclusion}
          </p>
        </>
      ) : editable ? (
        <AuditReportForm key={JSON.stringify(a.checklist)} audit={a} />
      ) : (
        <p className="empty">{a.status === "geannuleerd" ? t("arw.report.cancelled") : t("arw.report.notYet")}</p>
      )}

      <h2 id="audit-findings">{t("arw.audit.findings", { n: a.findings.length })}</h2>
      {a.findings.length === 0 ? (
        <p className="empty">{t("arw.audit.noFindings")}</p>
      ) : (
        <ul>
          {a.findings.map((x) => (
            <li key={x.id}>
              <Link to="/verbetercyclus/$findingId" params={{ findingId: x.id }}>
                <code>{x.ref}</code> {x.title}
              </Link>{" "}
              – {t(CLASS_KEY[x.classification])}, {x.clauses.join(", ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { fetchReply } from "../../../shared/api/client.ts";
import type { Reply } from "../../../shared/api/contract.ts";
import { useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useAuditWords } from "../api/auditWords.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

export function AuditPage() {
  const { t } = useI18n();
  const f = useFormat();
  const what = useAuditWords();
  const trail = useReply("listAuditTrail", "/audit");
  const backup = useReply("getLastBackup", "/backups/last");
  const [verdict, setVerdict] = useState<Reply<"verifyAuditTrail"> | null>(null);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <button type="button" onClick={async () => setVerdict(await fetchReply("verifyAuditTrail", "/audit/verify"))}>
        {t("audit.verify")}
      </button>
      {backup.data && <p>{backup.data.last ? t("audit.lastBackup", { at: f.dateTime(backup.data.last.at) }) : t("audit.noBackup")}</p>}
      {verdict && (
        <div role="status" className={verdict.ok ? "ok" : "error"}>
          <p>{verdict.ok ? t("audit.ok", { entries: verdict.entries }) : t("audit.broken", { count: verdict.breaks.length })}</p>
          {!verdict.ok && (
            <ul>
              {verdict.breaks.map((b) => (
                <li key={`${b.seq}-${b.reason}`}>{t(`audit.reason.${b.reason}`, { seq: b.seq })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {trail.data ? (
        <ScrollBox label={t("audit.title")}>
          <table>
            <caption>{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.from")}</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.entries.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{f.dateTime(e.at)}</td>
                  <th scope="row">{e.actor}</th>
                  <td>{what(e.action, e.entity)}</td>
                  <td>{e.ip ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <Status loading={trail.loading} error={trail.error} />
      )}
    </section>
  );
}

import { useState } from "react";
import { api } from "./api.ts";
import { useI18n } from "./i18n.tsx";
import { useLoad } from "./useLoad.ts";
import { Status } from "./Status.tsx";

interface Entry { seq: number; at: string; actor: string; ip: string | null; action: string; entity: string }
type Reason = "chain_link" | "content_changed" | "anchor_missing" | "anchor_mismatch";
interface Verify { ok: boolean; entries: number; breaks: { seq: number; reason: Reason }[] }
interface LastBackup { last: { at: string } | null }

export function AuditPage() {
  const { t } = useI18n();
  const trail = useLoad<{ entries: Entry[] }>("/audit");
  const backup = useLoad<LastBackup>("/backups/last");
  const [verdict, setVerdict] = useState<Verify | null>(null);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <button type="button" onClick={async () => setVerdict(await api<Verify>("/audit/verify"))}>{t("audit.verify")}</button>
      {backup.data && <p>{backup.data.last
        ? t("audit.lastBackup", { at: new Date(backup.data.last.at).toLocaleString("nl-NL") }) : t("audit.noBackup")}</p>}
      {verdict && <div role="status" className={verdict.ok ? "ok" : "error"}>
        <p>{verdict.ok ? t("audit.ok", { entries: verdict.entries }) : t("audit.broken", { count: verdict.breaks.length })}</p>
        {!verdict.ok && <ul>{verdict.breaks.map((b) => <li key={`${b.seq}-${b.reason}`}>{t(`audit.reason.${b.reason}`, { seq: b.seq })}</li>)}</ul>}
      </div>}
      {trail.data ? (
        <table>
          <caption>{t("audit.title")}</caption>
          <thead><tr><th scope="col">#</th><th scope="col">{t("audit.when")}</th><th scope="col">{t("audit.who")}</th><th scope="col">{t("audit.what")}</th><th scope="col">{t("audit.from")}</th></tr></thead>
          <tbody>{trail.data.entries.map((e) => (
            <tr key={e.seq}><td>{e.seq}</td><td>{new Date(e.at).toLocaleString("nl-NL")}</td><th scope="row">{e.actor}</th><td>{e.action} {e.entity}</td><td>{e.ip ?? "–"}</td></tr>))}
          </tbody>
        </table>) : <Status loading={trail.loading} error={trail.error} />}
    </section>
  );
}

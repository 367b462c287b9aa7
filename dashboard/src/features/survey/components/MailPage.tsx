import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useState, type FormEvent } from "react";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import { MAIL_STATUSES, mailStatusKey, useWaves, type MailStatus, type MailTemplate } from "../api/waves.ts";
import { OpsNav } from "./OpsNav.tsx";

/** E-mail: the Dutch templates with their placeholders, and the outgoing mail (the outbox when no SMTP is configured). */
/** The outbox also carries staff notices (reports to municipalities, action owners): each kind its own name. */
const MAIL_KIND: Record<string, MessageKey> = {
  invitation: "mailKind.invitation",
  resend: "mailKind.resend",
  municipality_report: "mailKind.municipality_report",
  action_assigned: "mailKind.action_assigned",
  action_overdue: "mailKind.action_overdue",
};

export function MailPage() {
  const { t } = useI18n();
  const can = useCan();
  if (!can("fieldwork:manage") || !can("contacts:manage")) return null;
  return (
    <section aria-labelledby="mail-title" className="stack">
      <h1 id="mail-title">{t("mail.title")}</h1>
      <OpsNav current="mail" />
      <Templates />
      <Outbox />
    </section>
  );
}

function Templates() {
  const { t } = useI18n();
  const res = useReply("listMailTemplates", "/mail/templates");
  if (!res.data) return <Status loading={res.loading} error={res.error} />;
  const { templates, placeholders } = res.data;
  return (
    <section aria-labelledby="templates-title" className="stack">
      <h2 id="templates-title">{t("mail.templates")}</h2>
      <p>{t("mail.templateHelp")}</p>
      <dl className="facts">
        {Object.entries(placeholders).map(([name, meaning]) => (
          <div key={name}>
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      {templates.map((tpl) => (
        <TemplateForm key={`${tpl.kind}-${tpl.updatedAt ?? ""}`} template={tpl} />
      ))}
    </section>
  );
}

function TemplateForm({ template }: { template: MailTemplate }) {
  const { t } = useI18n();
  const save = useSend("updateMailTemplate", "PUT", ["listMailTemplates"]);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  const id = `tpl-${template.kind}`;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setDone("");
    void run(async () => {
      await save.send(`/mail/templates/${template.kind}`, { subject: String(form.get("subject")), body: String(form.get("body")) });
      setDone(t("mail.saved"));
    });
  }
  return (
    // Folded: the outbox below is what staff look at most; a template is opened to edit it.
    <details className="card">
      <summary id={`${id}-title`}>
        {t(template.kind === "invitation" ? "mail.kind.invitation" : "mail.kind.reminder")}{" "}
        <span className="muted small">({template.custom ? t("mail.custom") : t("mail.default")})</span>
      </summary>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-subject`}>{t("mail.subject")}</label>
        <input id={`${id}-subject`} name="subject" required minLength={3} maxLength={200} defaultValue={template.subject} />
        <label htmlFor={`${id}-body`}>{t("mail.body")}</label>
        <textarea id={`${id}-body`} name="body" required minLength={10} maxLength={10000} rows={12} defaultValue={template.body} />
        <button type="submit" disabled={busy}>
          {t("mail.save")}
        </button>
      </form>
      <Status error={error} done={done} />
    </details>
  );
}

function Outbox() {
  const { t, coded } = useI18n();
  const f = useFormat();
  const waves = useWaves();
  const [waveId, setWaveId] = useState("");
  const [status, setStatus] = useState<MailStatus | "">("");
  const res = useReply("listOutbox", "/mail/outbox", { waveId, status });
  const waveName = new Map(waves.list.map((w) => [w.id, w.name]));
  return (
    <section aria-labelledby="outbox-title" className="stack">
      <h2 id="outbox-title">{t("mail.outbox")}</h2>
      {res.data && (
        <p className={res.data.smtp ? "hint" : "warn"} role="note">
          {res.data.smtp ? t("mail.smtp") : t("mail.noSmtp")}
        </p>
      )}
      <div className="filters">
        <div>
          <label htmlFor="outbox-wave">{t("mail.filterWave")}</label>
          <select id="outbox-wave" value={waveId} onChange={(e) => setWaveId(e.target.value)}>
            <option value="">{t("mail.all")}</option>
            {waves.list.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="outbox-status">{t("mail.filterStatus")}</label>
          <select id="outbox-status" value={status} onChange={(e) => setStatus(e.target.value as MailStatus | "")}>
            <option value="">{t("mail.all")}</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(mailStatusKey(s)!)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!res.data ? (
        <Status loading={res.loading} error={res.error} />
      ) : res.data.messages.length === 0 ? (
        <p className="empty">{t("mail.none")}</p>
      ) : (
        <ScrollBox label={t("mail.outbox")}>
          <table>
            <caption className="sr-only">{t("mail.outbox")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mail.to")}</th>
                <th scope="col">{t("mail.filterWave")}</th>
                <th scope="col">{t("mail.subject")}</th>
                <th scope="col">{t("mail.filterStatus")}</th>
                <th scope="col">{t("mail.created")}</th>
                <th scope="col">{t("mail.sentAt")}</th>
                <th scope="col">{t("mail.body")}</th>
              </tr>
            </thead>
            <tbody>
              {res.data.messages.map((m) => {
                const key = mailStatusKey(m.status);
                return (
                  <tr key={m.id}>
                    <th scope="row">{m.to ?? "–"}</th>
                    <td>{(m.waveId && waveName.get(m.waveId)) || "–"}</td>
                    <td>
                      {m.subject}
                      <span className="muted small">
                        {" "}
                        (
                        {m.kind === "reminder" ? t("mailKind.reminder", { round: m.round }) : t(MAIL_KIND[m.kind] ?? "mailKind.invitation")}
                        )
                      </span>
                    </td>
                    <td>
                      {key ? t(key) : m.status}
                      {/* Why, from the catalog in the reader's language; the server's own words as it said them. */}
                      {m.reason ? ` – ${coded(m.reason)}` : ""}
                      {m.error ? <span className="muted small"> ({m.error})</span> : ""}
                    </td>
                    <td>{f.dateTime(m.createdAt)}</td>
                    <td>{m.sentAt ? f.dateTime(m.sentAt) : "–"}</td>
                    <td>
                      {m.body ? (
                        <details>
                          <summary>
                            {t("mail.showBody")}
                            <span className="sr-only"> – {m.to}</span>
                          </summary>
                          <pre className="mail-body">{m.body}</pre>
                        </details>
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

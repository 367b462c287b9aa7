import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";

/** Whether e-mail leaves by SMTP or waits in the outbox; the server says yes or no, never the address. */
export function MailStatus() {
  const { t } = useI18n();
  const mail = useReply("getMailStatus", "/settings/mail");
  return (
    <section aria-labelledby="mail-title" className="card stack">
      <h2 id="mail-title">{t("settings.mail")}</h2>
      {!mail.data ? (
        <Status loading={mail.loading} error={mail.error} />
      ) : (
        <dl className="facts">
          <dt>{t("settings.smtp")}</dt>
          <dd data-testid="smtp-status">{mail.data.smtpConfigured ? t("settings.smtpOn") : t("settings.smtpOff")}</dd>
          <dt>{t("settings.digest")}</dt>
          <dd>{mail.data.digestConfigured ? t("settings.digestOn") : t("settings.digestOff")}</dd>
        </dl>
      )}
    </section>
  );
}

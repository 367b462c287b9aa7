import { useState } from "react";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import { MAIL_READS, mailStatusKey, type WaveContact, type WaveDetail } from "../api/waves.ts";
import { ContactImport } from "./ContactImport.tsx";

/**
 * A wave's contact list: import, send invitations and reminders, and per contact what was
 * sent, rejected or bounced, whether they opened or submitted, and a new link on request.
 */
export function WaveContacts({ wave }: { wave: WaveDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const list = useReply("listWaveContacts", `/waves/${wave.id}/contacts`);
  // The opt-out lives in the address book, not on the invitation: it holds in every wave.
  const book = useReply("listContacts", "/contacts");
  const optedOut = new Set((book.data?.contacts ?? []).filter((c) => c.optedOut).map((c) => c.id));
  const manage = can("fieldwork:manage");
  const closed = wave.status === "gesloten";
  return (
    <section aria-labelledby="wave-contacts" className="card stack wide">
      <h2 id="wave-contacts">{t("waveContacts.title")}</h2>
      {manage && !closed && <SendMail wave={wave} />}
      {!closed && <ContactImport waveId={wave.id} />}
      {list.data && <MailTally contacts={list.data.contacts} optedOut={optedOut} />}
      {list.data ? (
        <ContactTable wave={wave} contacts={list.data.contacts} optedOut={optedOut} mayResend={manage && !closed} />
      ) : (
        <Status loading={list.loading} error={list.error} />
      )}
    </section>
  );
}

/** Per contact the state of their latest message: how many were sent, rejected, bounced, opted out. */
function MailTally({ contacts, optedOut }: { contacts: WaveContact[]; optedOut: Set<string> }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!contacts.length) return null;
  const latest = contacts.map((c) => c.messages.at(-1)?.status);
  const count = (status: string) => latest.filter((s) => s === status).length;
  const cells = [
    { label: t("waves.invited"), n: contacts.length },
    { label: t("mailStatus.pending"), n: count("pending") + count("sending") },
    { label: t("mailStatus.sent"), n: count("sent") },
    { label: t("mailStatus.rejected"), n: count("rejected") + count("failed") },
    { label: t("mailStatus.bounced"), n: count("bounced") },
    { label: t("mailStatus.optedOut"), n: contacts.filter((c) => c.contactId && optedOut.has(c.contactId)).length },
    { label: t("waveContacts.submitted"), n: contacts.filter((c) => c.submitted).length },
  ];
  return (
    <dl className="kpis">
      {cells.map((c) => (
        <div key={c.label}>
          <dt>{c.label}</dt>
          <dd>{f.number(c.n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function SendMail({ wave }: { wave: WaveDetail }) {
  const { t } = useI18n();
  const invite = useSend("sendInvitations", "POST", MAIL_READS);
  const remind = useSend("sendReminders", "POST", MAIL_READS);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  const go = (work: () => Promise<string>) => {
    setDone("");
    void run(async () => setDone(await work()));
  };
  return (
    <section aria-labelledby="send-title">
      <h3 id="send-title">{t("send.title")}</h3>
      <p className="hint">{t("send.help")}</p>
      <div className="row-form">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            go(async () => {
              const r = await invite.send(`/waves/${wave.id}/mail/invitations`);
              return t("send.queued", { queued: r.queued, already: r.alreadyQueued });
            })
          }
        >
          {t("send.invite")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            go(async () => {
              const r = await remind.send(`/waves/${wave.id}/mail/reminders`);
              return t("send.reminded", { round: r.round, queued: r.queued, already: r.alreadyQueued });
            })
          }
        >
          {t("send.remind")}
        </button>
      </div>
      <Status error={error} done={done} />
    </section>
  );
}

/** Exported for the language test, which renders it as the wave screen does. */
export function ContactTable({
  wave,
  contacts,
  optedOut,
  mayResend,
}: {
  wave: WaveDetail;
  contacts: WaveContact[];
  optedOut: Set<string>;
  mayResend: boolean;
}) {
  const { t, coded } = useI18n();
  const f = useFormat();
  const resend = useSend("resendInvitationLink", "POST", MAIL_READS);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  if (!contacts.length) return <p className="empty">{t("waveContacts.none")}</p>;
  function again(c: WaveContact) {
    if (!confirm(t("waveContacts.confirmResend", { organisation: c.organisation }))) return;
    setDone("");
    void run(async () => {
      const r = await resend.send(`/waves/${wave.id}/invitations/${c.invitationId}/resend`);
      setDone(
        `${t("waveContacts.resent", { organisation: c.organisation, url: r.url })}${r.queued ? ` ${t("waveContacts.resentQueued")}` : ""}`,
      );
    });
  }
  const caption = `${t("waveContacts.title")} (${t("waveContacts.count", { n: f.number(contacts.length) })})`;
  return (
    <>
      <Status error={error} done={done} />
      <ScrollBox label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("contacts.organisation")}</th>
              <th scope="col">{t("contacts.name")}</th>
              <th scope="col">{t("contacts.email")}</th>
              <th scope="col">{t("waveContacts.mail")}</th>
              <th scope="col">{t("waveContacts.opened")}</th>
              <th scope="col">{t("waveContacts.submitted")}</th>
              <th scope="col">{t("contacts.optedOut")}</th>
              {mayResend && (
                <th scope="col">
                  <span className="sr-only">{t("contacts.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.invitationId}>
                <th scope="row">{c.organisation}</th>
                <td>{c.name ?? "–"}</td>
                <td>{c.email ?? "–"}</td>
                <td>
                  {c.messages.length ? (
                    <ul className="plain">
                      {c.messages.map((m, i) => {
                        const key = mailStatusKey(m.status);
                        return (
                          <li key={i}>
                            {m.kind === "reminder" ? t("mailKind.reminder", { round: m.round }) : t("mailKind.invitation")}:{" "}
                            <span className={`mail-${m.status}`}>{key ? t(key) : m.status}</span>
                            {m.sentAt ? ` (${f.date(m.sentAt)})` : ""}
                            {/* Why by catalog code in the reader's language; the server's own words as it said them. */}
                            {m.reason ? ` – ${coded(m.reason)}` : ""}
                            {m.error ? ` (${m.error})` : ""}
                          </li>
                        );
                      })}
                    </ul>
                  ) : (
                    "–"
                  )}
                </td>
                <td>{c.openedAt ? f.date(c.openedAt) : "–"}</td>
                <td>{c.submitted ? t("waves.yes") : t("waves.no")}</td>
                <td>{c.contactId && optedOut.has(c.contactId) ? t("mailStatus.optedOut") : "–"}</td>
                {mayResend && (
                  <td>
                    {!c.submitted && c.email && !(c.contactId && optedOut.has(c.contactId)) && (
                      <button type="button" className="small-button" disabled={busy} onClick={() => again(c)}>
                        {t("waveContacts.resend")}
                        <span className="sr-only"> – {c.organisation}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

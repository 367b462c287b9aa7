import { useState, type FormEvent } from "react";
import { fetchReply } from "../../../shared/api/client.ts";
import type { Reply } from "../../../shared/api/contract.ts";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import { CONTACT_READS, usePlaceNames, type Contact } from "../api/waves.ts";
import { ContactImport } from "./ContactImport.tsx";
import { OpsNav } from "./OpsNav.tsx";

/**
 * The partner address book, reused wave after wave: search, opt-out, and the two AVG
 * requests for one contact: access (everything recorded, as JSON) and erasure.
 */
export function AddressBookPage() {
  const { t } = useI18n();
  const can = useCan();
  const [q, setQ] = useState("");
  const list = useReply("listContacts", "/contacts", { q });
  const eraseExpired = useSend("eraseExpiredContacts", "POST", CONTACT_READS);
  const expired = useSubmit();
  const [expiredDone, setExpiredDone] = useState("");
  if (!can("contacts:manage")) return null;
  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setQ(String(new FormData(e.currentTarget).get("q") ?? "").trim());
  }
  return (
    <section aria-labelledby="contacts-title" className="stack">
      <h1 id="contacts-title">{t("contacts.title")}</h1>
      <OpsNav current="contacts" />
      <p className="lead">{t("contacts.help")}</p>
      <form role="search" className="filters" onSubmit={search}>
        <div className="grow">
          <label htmlFor="contacts-q">{t("contacts.search")}</label>
          <input id="contacts-q" name="q" type="search" maxLength={100} defaultValue={q} />
        </div>
        <button type="submit">{t("contacts.searchSubmit")}</button>
      </form>
      {list.data ? <ContactList contacts={list.data.contacts} /> : <Status loading={list.loading} error={list.error} />}
      <ContactImport />
      <div className="row-form">
        <button
          type="button"
          className="secondary"
          disabled={expired.busy}
          onClick={() =>
            expired.run(async () => {
              const r = await eraseExpired.send("/contacts/erase-expired");
              setExpiredDone(t("contacts.eraseExpiredDone", { n: r.erased.length }));
            })
          }
        >
          {t("contacts.eraseExpired")}
        </button>
        <Status error={expired.error} />
        {expiredDone && <p role="status">{expiredDone}</p>}
      </div>
    </section>
  );
}

function ContactList({ contacts }: { contacts: Contact[] }) {
  const { t } = useI18n();
  const f = useFormat();
  const update = useSend("updateContact", "PATCH", CONTACT_READS);
  const erase = useSend("eraseContact", "DELETE", CONTACT_READS);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  const [access, setAccess] = useState<Reply<"exportContact">>();
  const place = usePlaceNames();
  if (!contacts.length) return <p className="empty">{t("contacts.none")}</p>;
  const act = (work: () => Promise<string | undefined>) => {
    setDone("");
    void run(async () => setDone((await work()) ?? ""));
  };
  return (
    <>
      <Status error={error} done={done} />
      {access && <AccessReport report={access} onClose={() => setAccess(undefined)} />}
      <ScrollBox label={t("contacts.title")}>
        <table>
          <caption className="sr-only">{t("contacts.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("contacts.email")}</th>
              <th scope="col">{t("contacts.name")}</th>
              <th scope="col">{t("contacts.organisation")}</th>
              <th scope="col">{t("contacts.type")}</th>
              <th scope="col">{t("contacts.municipality")}</th>
              <th scope="col">{t("contacts.optedOut")}</th>
              <th scope="col">
                <span className="sr-only">{t("contacts.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.email}</th>
                <td>{c.name ?? "–"}</td>
                <td>{c.organisation}</td>
                <td>{t(`orgType.${c.organisationType}`)}</td>
                <td>{place.municipality(c.municipalityId)}</td>
                <td>{c.optedOut ? f.date(c.optedOutAt) : t("waves.no")}</td>
                <td>
                  <div className="row-form">
                    <button
                      type="button"
                      className="small-button"
                      disabled={busy}
                      onClick={() => act(() => update.send(`/contacts/${c.id}`, { optedOut: !c.optedOut }).then(() => undefined))}
                    >
                      {c.optedOut ? t("contacts.clearOptOut") : t("contacts.setOptOut")}
                      <span className="sr-only"> – {c.email}</span>
                    </button>
                    <button
                      type="button"
                      className="small-button"
                      disabled={busy}
                      onClick={() =>
                        act(async () => {
                          setAccess(await fetchReply("exportContact", `/contacts/${c.id}/export`));
                          return undefined;
                        })
                      }
                    >
                      {t("contacts.export")}
                      <span className="sr-only"> – {c.email}</span>
                    </button>
                    <button
                      type="button"
                      className="small-button"
                      disabled={busy}
                      onClick={() => {
                        if (!confirm(t("contacts.confirmErase", { email: c.email }))) return;
                        act(async () => t("contacts.erased", { n: (await erase.send(`/contacts/${c.id}`)).invitations }));
                      }}
                    >
                      {t("contacts.erase")}
                      <span className="sr-only"> – {c.email}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

/** What is recorded about one contact (AVG art. 15), with the same data as a JSON file to hand over. */
function AccessReport({ report, onClose }: { report: Reply<"exportContact">; onClose: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(report, null, 2))}`;
  return (
    <section aria-labelledby="access-title" className="card">
      <h2 id="access-title">{t("contacts.exportTitle", { email: report.contact.email })}</h2>
      <p>
        {t("contacts.exportInvitations", { n: report.invitations.length })} · {t("contacts.exportMessages", { n: report.messages.length })}
      </p>
      <ul>
        {report.invitations.map((i, n) => (
          <li key={n}>
            {i.wave}: {i.organisation}, {f.date(i.invitedAt)}
            {i.submitted ? ` – ${t("waveContacts.submitted").toLowerCase()}` : ""}
          </li>
        ))}
      </ul>
      <p className="downloads">
        <a className="button-link" href={href} download={`inzage-${report.contact.id}.json`}>
          {t("contacts.exportDownload")}
        </a>
        <button type="button" className="secondary" onClick={onClose}>
          OK
        </button>
      </p>
    </section>
  );
}

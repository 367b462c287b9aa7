import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply, useSend } from "../../../shared/api/query.ts";
import type { Reply } from "../../../shared/api/contract.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";

type Municipality = Reply<"listMunicipalities">["municipalities"][number];

/** Who receives each municipality's report when the quality staff sends to all municipalities. */
export function MunicipalityContacts() {
  const { t } = useI18n();
  const list = useReply("listMunicipalities", "/municipalities");
  const caption = t("recipients.caption", { n: list.data?.municipalities.length ?? 0 });
  return (
    <section aria-labelledby="recipients-title" className="card stack">
      <h2 id="recipients-title">{t("recipients.title")}</h2>
      <p className="hint">{t("recipients.intro")}</p>
      {!list.data ? (
        <Status loading={list.loading} error={list.error} />
      ) : (
        <ScrollBox label={t("chart.table", { title: caption })}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("recipients.municipality")}</th>
                <th scope="col">{t("recipients.email")}</th>
                <th scope="col">{t("recipients.contact")}</th>
                <th scope="col">
                  <span className="sr-only">{t("hours.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.municipalities.map((m) => (
                <ContactRow key={`${m.id}:${m.reportEmail}:${m.reportContact}`} municipality={m} />
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

function ContactRow({ municipality: m }: { municipality: Municipality }) {
  const { t } = useI18n();
  const update = useSend("updateMunicipality", "PUT", ["listMunicipalities"]);
  const [email, setEmail] = useState(m.reportEmail ?? "");
  const [contact, setContact] = useState(m.reportContact ?? "");
  const [saved, setSaved] = useState(false);
  const { error, busy, run } = useSubmit();
  // One form per row, tied to its inputs by the form attribute: a form may not wrap a table row.
  const form = `recipient-${m.id}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      await update.send(`/municipalities/${m.id}`, { reportEmail: email.trim() || null, reportContact: contact.trim() || null });
      setSaved(true);
    });
  }
  return (
    <tr>
      <th scope="row">{m.name}</th>
      <td>
        <label htmlFor={`${form}-email`} className="sr-only">
          {t("recipients.emailFor", { name: m.name })}
        </label>
        <input
          id={`${form}-email`}
          form={form}
          type="email"
          maxLength={254}
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </td>
      <td>
        <label htmlFor={`${form}-contact`} className="sr-only">
          {t("recipients.contactFor", { name: m.name })}
        </label>
        <input
          id={`${form}-contact`}
          form={form}
          maxLength={120}
          autoComplete="off"
          value={contact}
          onChange={(e) => setContact(e.target.value)}
        />
      </td>
      <td>
        <form id={form} onSubmit={submit} aria-label={t("recipients.saveFor", { name: m.name })}>
          <button type="submit" disabled={busy}>
            {t("form.save")}
            <span className="sr-only"> {m.name}</span>
          </button>
        </form>
        {saved && <span role="status">{t("recipients.saved")}</span>}
        <Status error={error} />
      </td>
    </tr>
  );
}

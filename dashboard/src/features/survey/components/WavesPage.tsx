import { Link, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { addDays, today, useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import { CONTACT_READS, dayEnd, dayStart, STATUS, useWaves, WAVE_READS } from "../api/waves.ts";
import { OpsNav } from "./OpsNav.tsx";

/** All waves with status, dates and counts; a new wave from a questionnaire version or as a copy of an earlier one. */
export function WavesPage() {
  const { t } = useI18n();
  const f = useFormat();
  const can = useCan();
  const waves = useWaves();
  const mayCreate = can("waves:create") || can("fieldwork:manage");
  return (
    <section aria-labelledby="waves-title" className="stack">
      <h1 id="waves-title">{t("waves.title")}</h1>
      <OpsNav current="waves" />
      <h2 id="waves-list">{t("waves.list")}</h2>
      {waves.data ? (
        waves.list.length ? (
          <div className="table-wrap">
            <table aria-labelledby="waves-list">
              <thead>
                <tr>
                  <th scope="col">{t("waves.name")}</th>
                  <th scope="col">{t("waves.status")}</th>
                  <th scope="col">{t("waves.opensAt")}</th>
                  <th scope="col">{t("waves.closesAt")}</th>
                  <th scope="col">{t("waves.invited")}</th>
                  <th scope="col">{t("waves.responded")}</th>
                  <th scope="col">{t("waves.anonymous")}</th>
                </tr>
              </thead>
              <tbody>
                {waves.list.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">
                      <Link to="/metingen/$waveId" params={{ waveId: w.id }}>
                        {w.name}
                      </Link>
                    </th>
                    <td>
                      <span className={`badge status-${w.status}`}>{t(STATUS.key(w.status))}</span>
                    </td>
                    <td>{f.date(w.opensAt)}</td>
                    <td>{f.date(w.closesAt)}</td>
                    <td>{f.number(w.invited)}</td>
                    <td>{f.number(w.responded)}</td>
                    <td>{w.anonymous ? t("waves.yes") : t("waves.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("waves.none")}</p>
        )
      ) : (
        <Status loading={waves.loading} error={waves.error} />
      )}
      {mayCreate && <NewWave />}
    </section>
  );
}

function NewWave() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const waves = useWaves();
  const questionnaires = useReply("listQuestionnaires", "/questionnaires");
  const create = useSend("createWave", "POST", WAVE_READS);
  const copy = useSend("copyWave", "POST", [...WAVE_READS, ...CONTACT_READS]);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  const mayNew = can("waves:create");
  const [source, setSource] = useState<"version" | "copy">(mayNew ? "version" : "copy");
  const [key, setKey] = useState("");
  const library = questionnaires.data?.questionnaires ?? [];
  const chosen = library.find((q) => q.key === key) ?? library[0];
  // The wave to copy is nearly always the most recent one: newest first.
  const newestFirst = [...waves.list].sort((a, b) => b.opensAt.localeCompare(a.opensAt));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const base = { name: value("name"), opensAt: dayStart(value("opensAt")), closesAt: dayEnd(value("closesAt")) };
    void run(
      async () => {
        if (source === "copy") {
          const res = await copy.send(`/waves/${value("copyOf")}/copy`, base);
          setDone(t("waves.copied", { name: res.wave.name, n: res.contactsCopied }));
          await navigate({ to: "/metingen/$waveId", params: { waveId: res.wave.id } });
        } else {
          const res = await create.send("/waves", {
            ...base,
            anonymous: form.get("anonymous") === "on",
            questionnaireId: value("questionnaireId") || undefined,
          });
          setDone(t("waves.created", { name: res.wave.name }));
          await navigate({ to: "/metingen/$waveId", params: { waveId: res.wave.id } });
        }
      },
      { keepBusyOnSuccess: true },
    );
  }

  return (
    <section aria-labelledby="new-wave" className="card">
      <h2 id="new-wave">{t("waves.create")}</h2>
      <p className="hint">{t("waves.createHelp")}</p>
      <form onSubmit={submit} className="inline-form">
        {mayNew && can("fieldwork:manage") && (
          <fieldset className="checks">
            <legend>{t("waves.from")}</legend>
            <label className="check">
              <input type="radio" name="source" checked={source === "version"} onChange={() => setSource("version")} />
              {t("waves.fromVersion")}
            </label>
            <label className="check">
              <input
                type="radio"
                name="source"
                checked={source === "copy"}
                onChange={() => setSource("copy")}
                disabled={!waves.list.length}
              />
              {t("waves.fromCopy")}
            </label>
          </fieldset>
        )}
        <label htmlFor="nw-name">{t("waves.name")}</label>
        <input id="nw-name" name="name" required minLength={3} maxLength={120} />
        {source === "version" ? (
          <>
            <label htmlFor="nw-q">{t("waves.questionnaire")}</label>
            <select id="nw-q" value={chosen?.key ?? ""} onChange={(e) => setKey(e.target.value)}>
              {library.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.title}
                </option>
              ))}
            </select>
            <label htmlFor="nw-version">{t("waves.version")}</label>
            {/* The newest version first: that is nearly always the one meant. */}
            <select id="nw-version" name="questionnaireId" key={chosen?.key}>
              {[...(chosen?.versions ?? [])]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <option key={v.id} value={v.id}>
                    {t("waves.versionLabel", { version: v.version, inUse: v.inUse ? t("waves.inUse") : "" })}
                  </option>
                ))}
            </select>
            <label className="check">
              <input type="checkbox" name="anonymous" defaultChecked />
              {t("waves.anonymous")}
            </label>
            <p className="hint">{t("waves.anonymousHelp")}</p>
          </>
        ) : (
          <>
            <label htmlFor="nw-copy">{t("waves.copyOf")}</label>
            <select id="nw-copy" name="copyOf">
              {newestFirst.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="nw-opens">{t("waves.opensAt")}</label>
        <input id="nw-opens" name="opensAt" type="date" required defaultValue={today()} />
        <label htmlFor="nw-closes">{t("waves.closesAt")}</label>
        <input id="nw-closes" name="closesAt" type="date" required defaultValue={addDays(today(), 28)} />
        <button type="submit" disabled={busy}>
          {t("waves.submitCreate")}
        </button>
      </form>
      <Status error={error} />
      {done && <p role="status">{done}</p>}
    </section>
  );
}

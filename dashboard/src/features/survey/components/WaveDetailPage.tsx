import { Link } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { addDays, today, useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import {
  ACTION_KEY,
  ACTIONS_FROM,
  dayEnd,
  parseReminderDays,
  STATUS,
  WAVE_READS,
  type StatusAction,
  type WaveDetail,
} from "../api/waves.ts";
import { FieldworkMonitor } from "./FieldworkMonitor.tsx";
import { WaveContacts } from "./WaveContacts.tsx";

/** One wave: its status and the changes to it, settings, fieldwork, contacts and e-mail, open link and raw export. */
export function WaveDetailPage({ waveId }: { waveId: string }) {
  const { t } = useI18n();
  const f = useFormat();
  const can = useCan();
  const res = useReply("getWaveDetail", `/waves/${waveId}`);
  const wave = res.data?.wave;
  if (!wave)
    return (
      <section className="stack">
        <Link to="/metingen">{t("wave.back")}</Link>
        <Status loading={res.loading} error={res.error} />
      </section>
    );
  const manage = can("fieldwork:manage");
  return (
    <section aria-labelledby="wave-title" className="stack">
      <Link to="/metingen">{t("wave.back")}</Link>
      <h1 id="wave-title">{wave.name}</h1>
      <dl className="kpis">
        <div>
          <dt>{t("waves.status")}</dt>
          <dd>
            <span className={`badge status-${wave.status}`}>{t(STATUS.key(wave.status))}</span>
          </dd>
        </div>
        <div>
          <dt>{t("waves.opensAt")}</dt>
          <dd>{f.date(wave.opensAt)}</dd>
        </div>
        <div>
          <dt>{t("waves.closesAt")}</dt>
          <dd>{f.date(wave.closesAt)}</dd>
        </div>
        <div>
          <dt>{t("waves.invited")}</dt>
          <dd>{f.number(wave.invited)}</dd>
        </div>
        <div>
          <dt>{t("waves.responded")}</dt>
          <dd>{f.number(wave.responded)}</dd>
        </div>
      </dl>
      {wave.questionnaire && <p className="muted">{t("wave.questionnaire", wave.questionnaire)}</p>}
      {wave.status === "open" && <p className="hint">{t("wave.running", { date: f.date(wave.closesAt) })}</p>}
      {manage && <StatusActions wave={wave} />}
      {can("fieldwork:read") && <FieldworkMonitor waveId={wave.id} />}
      {manage && <Settings wave={wave} />}
      {manage && wave.anonymous && <OpenLink wave={wave} />}
      {can("responses:export") && <RawExport wave={wave} />}
      {/* Last: with hundreds of partners the contact list is by far the longest part. */}
      {can("contacts:manage") && <WaveContacts wave={wave} />}
    </section>
  );
}

function StatusActions({ wave }: { wave: WaveDetail }) {
  const { t } = useI18n();
  const f = useFormat();
  const change = useSend("changeWaveStatus", "POST", WAVE_READS);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  // A week after the current closing date, or after today when that has passed (ISO days sort as text).
  const [until, setUntil] = useState(() => addDays([wave.closesAt.slice(0, 10), today()].sort()[1], 7));
  const actions = ACTIONS_FROM[wave.status];

  function act(action: StatusAction) {
    if (action === "close" && !confirm(t("wave.confirmClose", { name: wave.name }))) return;
    setDone("");
    void run(async () => {
      const body = action === "extend" ? { action, closesAt: dayEnd(until) } : { action };
      const res = await change.send(`/waves/${wave.id}/status`, body);
      const key = `wave.changed.${action}` as MessageKey;
      setDone(`${t(key, { date: f.date(res.wave.closesAt) })} ${t("wave.audited")}`);
    });
  }
  return (
    <section aria-labelledby="wave-actions" className="card">
      <h2 id="wave-actions">{t("wave.actions")}</h2>
      <div className="row-form">
        {actions
          .filter((a) => a !== "extend")
          .map((a) => (
            <button key={a} type="button" className={a === "close" ? "secondary" : undefined} disabled={busy} onClick={() => act(a)}>
              {t(ACTION_KEY[a])}
            </button>
          ))}
      </div>
      {actions.includes("extend") && (
        <form
          className="row-form"
          onSubmit={(e) => {
            e.preventDefault();
            act("extend");
          }}
        >
          <label htmlFor="wave-until">{t("wave.newClosesAt")}</label>
          <input id="wave-until" type="date" required value={until} min={today()} onChange={(e) => setUntil(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t("wave.doExtend")}
          </button>
        </form>
      )}
      <Status error={error} done={done} />
    </section>
  );
}

function Settings({ wave }: { wave: WaveDetail }) {
  const { t } = useI18n();
  const update = useSend("updateWaveSettings", "PATCH", WAVE_READS);
  const { error, setError, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone("");
    const form = new FormData(e.currentTarget);
    const days = parseReminderDays(String(form.get("reminderDays") ?? ""));
    if (!days) return setError(new Error(t("wave.badDays")));
    const contactPerson = String(form.get("contactPerson") ?? "").trim();
    void run(async () => {
      await update.send(`/waves/${wave.id}/settings`, {
        contactPerson: contactPerson || null,
        reminderDays: days,
        contactsEraseDays: Number(form.get("contactsEraseDays")),
      });
      setDone(t("wave.settingsSaved"));
    });
  }
  return (
    <section aria-labelledby="wave-settings" className="card">
      <h2 id="wave-settings">{t("wave.settings")}</h2>
      <p>{t("wave.anonymousFixed", { value: wave.anonymous ? t("waves.yes") : t("waves.no") })}</p>
      <form onSubmit={submit} className="inline-form" key={`${wave.id}-${wave.reminderDays.join()}-${wave.contactsEraseDays}`}>
        <label htmlFor="ws-contact">{t("wave.contactPerson")}</label>
        <input id="ws-contact" name="contactPerson" maxLength={200} defaultValue={wave.contactPerson ?? ""} />
        <label htmlFor="ws-days">{t("wave.reminderDays")}</label>
        <input id="ws-days" name="reminderDays" aria-describedby="ws-days-help" defaultValue={wave.reminderDays.join(", ")} />
        <p id="ws-days-help" className="hint">
          {t("wave.reminderDaysHelp")}
        </p>
        <label htmlFor="ws-erase">{t("wave.eraseDays")}</label>
        <input id="ws-erase" name="contactsEraseDays" type="number" min={0} max={3650} required defaultValue={wave.contactsEraseDays} />
        <button type="submit" disabled={busy}>
          {t("wave.saveSettings")}
        </button>
      </form>
      <Status error={error} done={done} />
    </section>
  );
}

function OpenLink({ wave }: { wave: WaveDetail }) {
  const { t } = useI18n();
  const enable = useSend("enableOpenLink", "POST", ["getWaveDetail"]);
  const { error, busy, run } = useSubmit();
  const [url, setUrl] = useState("");
  const show = () =>
    run(async () => {
      setUrl((await enable.send(`/waves/${wave.id}/open-link`)).url);
    });
  const qr = (format: "png" | "svg") => `/api/waves/${wave.id}/open-link/qr?format=${format}`;
  return (
    <section aria-labelledby="wave-open-link" className="card">
      <h2 id="wave-open-link">{t("wave.openLink")}</h2>
      <p className="hint">{t("wave.openLinkHelp")}</p>
      {!url && (
        <button type="button" onClick={show} disabled={busy}>
          {wave.hasOpenLink ? t("wave.showOpenLink") : t("wave.enableOpenLink")}
        </button>
      )}
      <Status error={error} />
      {url && (
        <>
          <p>
            {t("wave.openLinkLabel")}: <a href={url}>{url}</a>
          </p>
          <img src={qr("svg")} alt={t("wave.qrAlt")} width={160} height={160} />
          <p className="downloads">
            <a className="button-link" href={qr("png")} download={`open-link-${wave.id}.png`}>
              {t("wave.qrPng")}
            </a>
            <a className="button-link" href={qr("svg")} download={`open-link-${wave.id}.svg`}>
              {t("wave.qrSvg")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function RawExport({ wave }: { wave: WaveDetail }) {
  const { t } = useI18n();
  const href = (format: "csv" | "xlsx") => `/api/waves/${wave.id}/export?format=${format}`;
  return (
    <section aria-labelledby="wave-export" className="card">
      <h2 id="wave-export">{t("wave.export")}</h2>
      <p className="hint">{t("wave.exportHelp")}</p>
      <p className="downloads">
        <a className="button-link" href={href("xlsx")} download>
          {t("wave.exportXlsx")}
        </a>
        <a className="button-link" href={href("csv")} download>
          {t("wave.exportCsv")}
        </a>
      </p>
    </section>
  );
}

import { Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Clause } from "../../../../../api/domain/packs/layout.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { addDays, today, useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { lastFullQuarter } from "../../../shared/period/period.ts";
import { downloadPack, saveBlob } from "../api/evidence.ts";
import { SigningKey } from "./SigningKey.tsx";

const CLAUSES: Clause[] = ["6.1", "7.5", "9.1.2", "9.1.3", "9.2", "9.3", "10.2"];
const clauseLabel = (c: Clause) => `evidence.clause.${c}` as MessageKey;

type Phase =
  | { kind: "idle" }
  | { kind: "building"; received: number }
  | { kind: "done"; url: string; filename: string; bytes: number }
  | { kind: "cancelled" }
  | { kind: "failed"; error: Error };

/** The export page: a past period and ISO clauses in, a signed ZIP out, with its progress while it streams. */
export function ExportPage() {
  const { t } = useI18n();
  const f = useFormat();
  const now = today();
  const lastYear = Number(now.slice(0, 4)) - 1;
  const quarter = lastFullQuarter(now);
  const [from, setFrom] = useState(`${lastYear}-01-01`);
  const [to, setTo] = useState(`${lastYear}-12-31`);
  const [clauses, setClauses] = useState<Clause[]>(CLAUSES);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  const doneUrl = phase.kind === "done" ? phase.url : null;

  // The object URL holds the whole pack in memory: let it go when a new one replaces it or the page closes.
  useEffect(() => () => (doneUrl ? URL.revokeObjectURL(doneUrl) : undefined), [doneUrl]);
  useEffect(() => () => abort.current?.abort(), []);

  const periodError = from > to ? t("evidence.periodOrder") : to >= now ? t("evidence.periodNotEnded") : null;
  const clauseError = clauses.length ? null : t("evidence.noClause");
  const building = phase.kind === "building";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (periodError || clauseError || building) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: "building", received: 0 });
    try {
      const query = { from, to, clauses: clauses.length === CLAUSES.length ? undefined : clauses.join(",") };
      const pack = await downloadPack(query, (received) => setPhase({ kind: "building", received }), controller.signal);
      const url = URL.createObjectURL(pack.blob);
      saveBlob(url, pack.filename);
      setPhase({ kind: "done", url, filename: pack.filename, bytes: pack.bytes });
    } catch (error) {
      setPhase(controller.signal.aborted ? { kind: "cancelled" } : { kind: "failed", error: error as Error });
    } finally {
      abort.current = null;
    }
  };

  const toggleClause = (c: Clause, on: boolean) => setClauses((now) => CLAUSES.filter((x) => (x === c ? on : now.includes(x))));

  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h1 id="evidence-title">{t("evidencePack.title")}</h1>
      <p>{t("evidence.intro")}</p>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={periodError ? "evidence-period-error" : undefined}>
          <legend>{t("evidence.period")}</legend>
          <div className="quick-choices">
            <button
              type="button"
              onClick={() => {
                setFrom(`${lastYear}-01-01`);
                setTo(`${lastYear}-12-31`);
              }}
            >
              {t("evidence.lastYear", { year: lastYear })}
            </button>
            <button
              type="button"
              onClick={() => {
                setFrom(quarter.from);
                setTo(quarter.to);
              }}
            >
              {t("evidence.lastQuarter", { quarter: quarter.quarter, year: quarter.year })}
            </button>
          </div>
          <label>
            {t("evidence.from")}
            <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            {t("evidence.to")}
            <input type="date" value={to} min={from} max={addDays(now, -1)} onChange={(e) => setTo(e.target.value)} required />
          </label>
          {periodError && (
            <p id="evidence-period-error" className="error">
              {periodError}
            </p>
          )}
        </fieldset>
        <fieldset aria-describedby={clauseError ? "evidence-clause-error" : undefined}>
          <legend>{t("evidence.clauses")}</legend>
          <label>
            <input
              type="checkbox"
              checked={clauses.length === CLAUSES.length}
              onChange={(e) => setClauses(e.target.checked ? CLAUSES : [])}
            />{" "}
            {t("evidence.allClauses")}
          </label>
          {CLAUSES.map((c) => (
            <label key={c}>
              <input type="checkbox" checked={clauses.includes(c)} onChange={(e) => toggleClause(c, e.target.checked)} />{" "}
              {t(clauseLabel(c))}
            </label>
          ))}
          {clauseError && (
            <p id="evidence-clause-error" className="error">
              {clauseError}
            </p>
          )}
        </fieldset>
        <p>
          <button type="submit" disabled={building || !!periodError || !!clauseError}>
            {t("evidence.export")}
          </button>{" "}
          {building && (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t("evidence.cancel")}
            </button>
          )}
        </p>
      </form>
      <div aria-live="polite" className="evidence-progress">
        {building && (
          <>
            {/* The size is not known until the last byte: an indeterminate bar plus the bytes so far. */}
            <progress aria-label={t("evidence.progressLabel")} />
            <p className="progress">{t("evidence.building", { bytes: f.bytes(phase.received) })}</p>
          </>
        )}
        {phase.kind === "done" && (
          <p className="ok">
            {t("evidence.done", { filename: phase.filename, bytes: f.bytes(phase.bytes) })}{" "}
            <a href={phase.url} download={phase.filename}>
              {t("evidence.downloadAgain", { filename: phase.filename })}
            </a>
          </p>
        )}
        {phase.kind === "cancelled" && <p>{t("evidence.cancelled")}</p>}
      </div>
      {phase.kind === "failed" && <Status error={phase.error} />}
      <p>
        <Link to="/bewijsmap/controleren">{t("evidence.verifyLink")}</Link>
      </p>
      <SigningKey />
    </section>
  );
}

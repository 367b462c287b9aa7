import { useState, type FormEvent } from "react";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { today, useFormat } from "../../../shared/format.ts";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import { RISK_CHANGES, type Risk, type RiskMatrix } from "../api/auditsRisks.ts";
import { RiskDetail } from "./RiskDetail.tsx";
import { RiskForm, StepSelect } from "./RiskForm.tsx";

/**
 * One risk as a working page (deep link /audits-risicos/risicos/<id of R-001>): its levels,
 * movement and history, and for those who may change the register the re-review, the edit
 * and the improvement actions that treat it.
 */
export function RiskDetailPage({ riskId }: { riskId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const res = useReply("getRisk", `/risks/${encodeURIComponent(riskId)}`);
  const matrix = useReply("getRiskMatrix", "/risks/matrix");
  const [editing, setEditing] = useState(false);
  const back = (
    <p>
      <Link to="/audits-risicos" hash="risks-title">
        {t("arw.back")}
      </Link>
    </p>
  );
  if (!res.data || !matrix.data) {
    return (
      <section className="stack">
        {back}
        <Status loading={res.loading || matrix.loading} error={res.error ?? matrix.error} />
      </section>
    );
  }
  const r = res.data.risk;
  const writable = can("risks:write") && !r.closedOn;
  return (
    <section className="stack" aria-labelledby="risk-title">
      {back}
      <h1 id="risk-title">
        <code>{r.ref}</code> {r.title}
      </h1>
      <RiskDetail data={res.data} matrix={matrix.data} />
      {writable && (
        <>
          <h2 id="risk-review-title">{t("arw.review.title")}</h2>
          <RiskReviewForm key={r.version} risk={r} matrix={matrix.data} />
          <h2 id="risk-link-title">{t("arw.link.title")}</h2>
          <RiskActionsForm key={`a${r.version}-${r.actions.map((a) => a.id).join()}`} risk={r} />
          <h2 id="risk-edit-title">{t("arw.risk.editHeading")}</h2>
          {editing ? (
            <RiskForm key={r.version} matrix={matrix.data} risk={r} onDone={() => setEditing(false)} />
          ) : (
            <div>
              <button type="button" className="secondary" onClick={() => setEditing(true)}>
                {t("arw.risk.edit")}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** A re-review: the day, the residual likelihood and impact now, and why; recorded even when nothing moved. */
function RiskReviewForm({ risk, matrix }: { risk: Risk; matrix: RiskMatrix }) {
  const { t } = useI18n();
  const f = useFormat();
  const review = useSend("reviewRisk", "POST", RISK_CHANGES);
  const { error, busy, run } = useSubmit();
  const [reviewedOn, setReviewedOn] = useState(today());
  const [likelihood, setLikelihood] = useState(risk.residual.likelihood);
  const [impact, setImpact] = useState(risk.residual.impact);
  const [note, setNote] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await review.send(`/risks/${risk.id}/review`, {
        reviewedOn,
        residualLikelihood: likelihood,
        residualImpact: impact,
        note: note.trim(),
      });
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="risk-review-title">
      <p className="hint">{t("arw.review.help", { date: f.date(risk.lastReviewedOn) })}</p>
      <div className="field-row">
        <div>
          <label htmlFor="rv-date">{t("arw.review.date")}</label>
          <input
            id="rv-date"
            type="date"
            required
            min={risk.lastReviewedOn}
            max={today()}
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.target.value)}
          />
        </div>
        <StepSelect id="rv-l" label={t("arw.review.likelihood")} labels={matrix.likelihood} value={likelihood} onChange={setLikelihood} />
        <StepSelect id="rv-i" label={t("arw.review.impact")} labels={matrix.impact} value={impact} onChange={setImpact} />
      </div>
      <div>
        <label htmlFor="rv-note">{t("arw.review.note")}</label>
        <textarea id="rv-note" required rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {t("arw.review.submit")}
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}

/** Which improvement actions treat this risk: the whole list, ticked; an action treats one risk at most. */
function RiskActionsForm({ risk }: { risk: Risk }) {
  const { t } = useI18n();
  const actions = useReply("listActions", "/actions");
  const link = useSend("linkRiskActions", "PUT", RISK_CHANGES);
  const { error, busy, run } = useSubmit();
  const [chosen, setChosen] = useState(() => new Set(risk.actions.map((a) => a.id)));
  if (!actions.data) return <Status loading={actions.loading} error={actions.error} />;
  const list = actions.data.actions;
  const unchanged = chosen.size === risk.actions.length && risk.actions.every((a) => chosen.has(a.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await link.send(`/risks/${risk.id}/actions`, { actionIds: [...chosen] });
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="risk-link-title">
      {list.length === 0 ? (
        <p className="empty">{t("arw.link.none")}</p>
      ) : (
        <fieldset>
          <legend>{t("arw.link.legend", { ref: risk.ref })}</legend>
          <div className="checks">
            {list.map((a) => (
              <label key={a.id} className="check" htmlFor={`link-${a.id}`}>
                <input id={`link-${a.id}`} type="checkbox" checked={chosen.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                <span>
                  <code>{a.ref}</code> {a.title}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div>
        <button type="submit" disabled={busy || unchanged}>
          {t("arw.link.submit")}
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}

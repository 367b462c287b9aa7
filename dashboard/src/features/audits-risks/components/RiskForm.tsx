import { useState, type FormEvent } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { RISK_CHANGES, type Risk, type RiskMatrix } from "../api/auditsRisks.ts";

const STEPS = [1, 2, 3, 4, 5];

/** A 1–5 choice with the matrix's own words for each step. */
export function StepSelect({
  id,
  label,
  labels,
  value,
  onChange,
}: {
  id: string;
  label: string;
  labels: string[];
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {STEPS.map((n) => (
          <option key={n} value={n}>
            {n} – {labels[n - 1]}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Add a risk or opportunity, or edit one. Editing is a new version in the risk's history,
 * with the reason the user gives; the residual score may not exceed the inherent one.
 */
export function RiskForm({ matrix, risk, onDone }: { matrix: RiskMatrix; risk?: Risk; onDone?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const processes = useReply("listProcesses", "/processes");
  const people = useReply("listPeople", "/people");
  const create = useSend("createRisk", "POST", RISK_CHANGES);
  const update = useSend("updateRisk", "PATCH", RISK_CHANGES);
  const { error, busy, run } = useSubmit();
  const p = risk ? "re" : "rn";
  const [kind, setKind] = useState<Risk["kind"]>(risk?.kind ?? "risk");
  const [title, setTitle] = useState(risk?.title ?? "");
  const [description, setDescription] = useState(risk?.description ?? "");
  const [processId, setProcessId] = useState(risk?.processId ?? "");
  const [il, setIl] = useState(risk?.inherent.likelihood ?? 3);
  const [ii, setIi] = useState(risk?.inherent.impact ?? 3);
  const [rl, setRl] = useState(risk?.residual.likelihood ?? 3);
  const [ri, setRi] = useState(risk?.residual.impact ?? 3);
  const [treatment, setTreatment] = useState(risk?.treatment ?? "");
  const [ownerId, setOwnerId] = useState(risk?.ownerId ?? "");
  const [interval, setIntervalDays] = useState(risk?.reviewIntervalDays ?? 180);
  const [note, setNote] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      title: title.trim(),
      description: description.trim(),
      processId: processId || null,
      inherentLikelihood: il,
      inherentImpact: ii,
      residualLikelihood: rl,
      residualImpact: ri,
      treatment: treatment.trim(),
      ownerId,
      reviewIntervalDays: interval,
    };
    await run(
      async () => {
        if (risk) {
          await update.send(`/risks/${risk.id}`, { ...fields, ...(note.trim() ? { note: note.trim() } : {}) });
          onDone?.();
        } else {
          const created = await create.send("/risks", { kind, ...fields });
          await navigate({ to: "/audits-risicos/risicos/$riskId", params: { riskId: created.risk.id } });
        }
      },
      { keepBusyOnSuccess: !risk },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={risk ? t("arw.risk.editTitle", { ref: risk.ref }) : t("arw.risk.addTitle")}>
      <div className="field-row">
        {!risk && (
          <div>
            <label htmlFor={`${p}-kind`}>{t("risks.kind")}</label>
            <select id={`${p}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Risk["kind"])}>
              <option value="risk">{t("risks.risk")}</option>
              <option value="opportunity">{t("risks.opportunity")}</option>
            </select>
          </div>
        )}
        <div className="grow">
          <label htmlFor={`${p}-title`}>{t("arw.risk.title")}</label>
          <input id={`${p}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <div>
        <label htmlFor={`${p}-desc`}>{t("arw.risk.description")}</label>
        <textarea id={`${p}-desc`} required rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field-row">
        <div>
          <label htmlFor={`${p}-process`}>{t("programme.process")}</label>
          <select id={`${p}-process`} value={processId} onChange={(e) => setProcessId(e.target.value)}>
            <option value="">{t("arw.risk.noProcess")}</option>
            {processes.data?.processes.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${p}-owner`}>{t("action.owner")}</label>
          <select id={`${p}-owner`} required value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {risk && !people.data?.people.some((x) => x.id === risk.ownerId) && <option value={risk.ownerId}>{risk.ownerName}</option>}
            {people.data?.people.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${p}-interval`}>{t("arw.risk.interval")}</label>
          <input
            id={`${p}-interval`}
            type="number"
            required
            min={7}
            max={730}
            value={interval}
            onChange={(e) => setIntervalDays(Number(e.target.value))}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t("risks.inherent")}</legend>
        <div className="field-row">
          <StepSelect id={`${p}-il`} label={t("arw.risk.likelihood")} labels={matrix.likelihood} value={il} onChange={setIl} />
          <StepSelect id={`${p}-ii`} label={t("arw.risk.impact")} labels={matrix.impact} value={ii} onChange={setIi} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("risks.residual")}</legend>
        <div className="field-row">
          <StepSelect id={`${p}-rl`} label={t("arw.risk.likelihood")} labels={matrix.likelihood} value={rl} onChange={setRl} />
          <StepSelect id={`${p}-ri`} label={t("arw.risk.impact")} labels={matrix.impact} value={ri} onChange={setRi} />
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${p}-treatment`}>{t("risks.treatment")}</label>
        <textarea id={`${p}-treatment`} required rows={2} value={treatment} onChange={(e) => setTreatment(e.target.value)} />
      </div>
      {risk && (
        <div>
          <label htmlFor={`${p}-note`}>{t("arw.risk.why")}</label>
          <textarea id={`${p}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {risk ? t("form.save") : t("arw.risk.add")}
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}

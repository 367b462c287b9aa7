import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { addDays, today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { PersonSelect } from "./PersonSelect.tsx";
import { CriterionFields, toCriterion, type CriterionDraft } from "./CriterionFields.tsx";
import { asMetric, PDCA, PDCA_KEY, type Finding, type Pdca } from "../api/quality.ts";
import type { PersonOption } from "../api/usePeople.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";

/** A criterion that follows where the finding came from: its dimension, question or metric, else manual. */
function firstDraft(finding: Finding): CriterionDraft {
  const b = finding.baseline;
  const kind =
    b?.kind === "dimension"
      ? "survey_dimension"
      : b?.kind === "question"
        ? "survey_question"
        : finding.sourceMetric
          ? "conference_metric"
          : "manual";
  return {
    kind,
    text: "",
    dimension: b?.kind === "dimension" ? b.key : "",
    question: b?.kind === "question" ? b.key : "",
    metric: asMetric(finding.sourceMetric) ?? "directorAssigned",
    comparator: ">=",
    target: "",
    scale: "5",
    wave: "",
    from: today(),
    to: addDays(today(), 90),
  };
}

/** "Actie plannen": owner, deadline, PDCA phase and the effectiveness criterion, written up front. */
export function ActionForm({ finding, people, meId }: { finding: Finding; people: PersonOption[]; meId: string }) {
  const { t } = useI18n();
  const create = useSend("createAction", "POST", FINDING_CHANGES);
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState(meId);
  const [dueOn, setDueOn] = useState(addDays(today(), 30));
  const [phase, setPhase] = useState<Pdca>("plan");
  const [criterion, setCriterion] = useState(() => firstDraft(finding));
  const { error, setError, busy, run } = useSubmit();
  const [notice, setNotice] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setNotice("");
    await run(async () => {
      const { action } = await create.send("/actions", {
        findingIds: [finding.id],
        title: title.trim(),
        ownerId,
        dueOn,
        pdcaPhase: phase,
        criterion: toCriterion(criterion),
      });
      setTitle("");
      setCriterion(firstDraft(finding));
      setNotice(t("action.created", { ref: action.ref }));
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="action-form-title">
      <h3 id="action-form-title">{t("action.add")}</h3>
      <label htmlFor="af-title">{t("action.title")}</label>
      <input id="af-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="field-row">
        <div>
          <label htmlFor="af-owner">{t("action.owner")}</label>
          <PersonSelect id="af-owner" value={ownerId} onChange={setOwnerId} options={people} required describedBy="af-owner-help" />
          <p id="af-owner-help" className="hint">
            {t("action.ownerHelp")}
          </p>
        </div>
        <div>
          <label htmlFor="af-due">{t("action.dueOn")}</label>
          <input id="af-due" type="date" required min={today()} value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
        <div>
          <label htmlFor="af-phase">{t("action.pdca")}</label>
          <select id="af-phase" value={phase} onChange={(e) => setPhase(e.target.value as Pdca)}>
            {PDCA.map((p) => (
              <option key={p} value={p}>
                {t(PDCA_KEY[p])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CriterionFields value={criterion} onChange={setCriterion} />
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("action.submit")}
        </button>
      </div>
    </form>
  );
}

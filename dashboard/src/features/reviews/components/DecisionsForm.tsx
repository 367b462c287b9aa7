import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { PersonSelect } from "../../quality/components/PersonSelect.tsx";
import { DECISION_KIND_KEY, DECISION_KINDS, type Decision, type DecisionKind } from "../api/reviews.ts";
import type { PersonOption } from "../../quality/api/usePeople.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REVIEW_CHANGES } from "../api/changes.ts";

interface Row {
  key: number;
  kind: DecisionKind;
  text: string;
  ownerId: string;
  dueOn: string;
  actionId: string | null;
}

const toRow = (d: Decision, key: number): Row => ({
  key,
  kind: d.kind,
  text: d.text,
  ownerId: d.ownerId ?? "",
  dueOn: d.dueOn ?? "",
  actionId: d.actionId,
});

/**
 * The decisions as an editable list, saved as a whole. A decision with an owner and a
 * due date becomes an improvement action when the review is made final; one that already
 * did keeps its action (owner and date then live in the action register).
 */
export function DecisionsForm({ reviewId, decisions, people }: { reviewId: string; decisions: Decision[]; people: PersonOption[] }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>(() => decisions.map(toRow));
  const [next, setNext] = useState(decisions.length);
  const { error, setError, busy, run } = useSubmit();
  const update = useSend("updateManagementReview", "PATCH", REVIEW_CHANGES);
  const [notice, setNotice] = useState("");
  const set = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setNotice("");
    if (rows.some((r) => !r.actionId && !!r.ownerId !== !!r.dueOn)) {
      setError(new Error(t("decision.ownerAndDue")));
      return;
    }
    await run(async () => {
      await update.send(`/management-reviews/${reviewId}`, {
        decisions: rows.map((r) => ({
          kind: r.kind,
          text: r.text.trim(),
          ...(r.actionId ? { actionId: r.actionId } : r.ownerId ? { ownerId: r.ownerId, dueOn: r.dueOn } : {}),
        })),
      });
      setNotice(t("decision.saved"));
    });
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="decisions-form-title">
      <h3 id="decisions-form-title" className="sr-only">
        {t("decision.edit")}
      </h3>
      {rows.length === 0 && <p className="empty">{t("decision.none")}</p>}
      {rows.map((r, i) => (
        <fieldset key={r.key}>
          <legend>{t("decision.n", { n: i + 1 })}</legend>
          <div className="field-row">
            <div>
              <label htmlFor={`dc-kind-${r.key}`}>{t("decision.kind")}</label>
              <select id={`dc-kind-${r.key}`} value={r.kind} onChange={(e) => set(r.key, { kind: e.target.value as DecisionKind })}>
                {DECISION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(DECISION_KIND_KEY[k])}
                  </option>
                ))}
              </select>
            </div>
            <div className="grow">
              <label htmlFor={`dc-text-${r.key}`}>{t("decision.text")}</label>
              <input
                id={`dc-text-${r.key}`}
                required
                maxLength={1000}
                value={r.text}
                onChange={(e) => set(r.key, { text: e.target.value })}
              />
            </div>
          </div>
          {r.actionId ? (
            <p className="hint">{t("decision.becameAction")}</p>
          ) : (
            <div className="field-row">
              <div>
                <label htmlFor={`dc-owner-${r.key}`}>{t("decision.owner")}</label>
                <PersonSelect
                  id={`dc-owner-${r.key}`}
                  value={r.ownerId}
                  onChange={(ownerId) => set(r.key, { ownerId })}
                  options={people}
                  empty={t("decision.noOwner")}
                />
              </div>
              <div>
                <label htmlFor={`dc-due-${r.key}`}>{t("decision.dueOn")}</label>
                <input
                  id={`dc-due-${r.key}`}
                  type="date"
                  min={today()}
                  value={r.dueOn}
                  onChange={(e) => set(r.key, { dueOn: e.target.value })}
                />
              </div>
            </div>
          )}
          <div>
            <button type="button" className="secondary" onClick={() => setRows(rows.filter((x) => x.key !== r.key))}>
              {t("form.remove")}
              <span className="sr-only"> {t("decision.n", { n: i + 1 })}</span>
            </button>
          </div>
        </fieldset>
      ))}
      <p className="hint">{t("decision.help")}</p>
      <div className="row-form">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setRows([...rows, { key: next, kind: "verbetering", text: "", ownerId: "", dueOn: "", actionId: null }]);
            setNext(next + 1);
          }}
        >
          {t("decision.add")}
        </button>
        <button type="submit" disabled={busy}>
          {t("decision.save")}
        </button>
      </div>
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
    </form>
  );
}

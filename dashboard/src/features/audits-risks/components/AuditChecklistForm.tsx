import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import {
  AUDIT_CHANGES,
  CHECKLIST_RESULT_KEY,
  CHECKLIST_RESULTS,
  type AuditDetail,
  type ChecklistItem,
  type ChecklistResult,
} from "../api/auditsRisks.ts";

/**
 * Carrying the audit out: per criterion (ISO clause or own procedure) a verdict and what
 * the auditor saw. Saved as a whole, as often as the auditor likes, until the report.
 */
export function AuditChecklistForm({ audit }: { audit: AuditDetail }) {
  const { t } = useI18n();
  const save = useSend("updateAudit", "PATCH", AUDIT_CHANGES);
  const { error, busy, run } = useSubmit();
  const [saved, setSaved] = useState(false);
  const [items, setItems] = useState<ChecklistItem[]>(() =>
    audit.criteria.map(
      (criterion) => audit.checklist.find((c) => c.criterion === criterion) ?? { criterion, result: "niet_beoordeeld", observation: "" },
    ),
  );
  const set = (i: number, change: Partial<ChecklistItem>) => {
    setSaved(false);
    setItems(items.map((item, j) => (j === i ? { ...item, ...change } : item)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await save.send(`/audits/${audit.id}`, { checklist: items.map((i) => ({ ...i, observation: i.observation.trim() })) });
      setSaved(true);
    });
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="checklist-title">
      <p className="hint">{t("arw.checklist.help")}</p>
      {items.map((item, i) => (
        <fieldset key={item.criterion}>
          <legend>{item.criterion}</legend>
          <div className="field-row">
            <div>
              <label htmlFor={`cl-result-${i}`}>{t("arw.checklist.result")}</label>
              <select id={`cl-result-${i}`} value={item.result} onChange={(e) => set(i, { result: e.target.value as ChecklistResult })}>
                {CHECKLIST_RESULTS.map((r) => (
                  <option key={r} value={r}>
                    {t(CHECKLIST_RESULT_KEY[r])}
                  </option>
                ))}
              </select>
            </div>
            <div className="grow">
              <label htmlFor={`cl-obs-${i}`}>{t("arw.checklist.observation")}</label>
              <textarea id={`cl-obs-${i}`} rows={2} value={item.observation} onChange={(e) => set(i, { observation: e.target.value })} />
            </div>
          </div>
        </fieldset>
      ))}
      <div className="row-form">
        <button type="submit" disabled={busy}>
          {t("arw.checklist.save")}
        </button>
        {saved && <span role="status">{t("arw.checklist.saved")}</span>}
      </div>
      <Status error={error} />
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import type { Municipality } from "../../registry/api/registry.ts";
import { HOURS_CHANGES, type Activity } from "../api/hours.ts";
import { ActivityFields, toBody, type ActivityDraft } from "./ActivityFields.tsx";

/**
 * Correct a registration: the form starts from the old values and saves a new record that
 * replaces it; the old one stays in the list as "gecorrigeerd", with the reason.
 */
export function CorrectionForm({
  item,
  onDone,
  ...props
}: {
  item: Activity;
  onDone: () => void;
  municipalities: Municipality[];
  rates: string[];
  people: { id: string; name: string }[] | null;
}) {
  const { t } = useI18n();
  const correct = useSend("correctActivity", "POST", HOURS_CHANGES);
  const [draft, setDraft] = useState<ActivityDraft>({
    kind: item.kind,
    municipalityId: item.municipalityId,
    caseId: item.caseId ?? "",
    performedOn: item.performedOn,
    hours: String(item.hours),
    staffRole: item.staffRole,
    userId: "",
  });
  const [reason, setReason] = useState("");
  const { error, busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await correct.send(`/activities/${item.id}/correction`, { ...toBody(draft), reason });
      onDone();
    });
  }
  const id = `corr-${item.id}`;
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("hours.correctTitle")}</h3>
      <ActivityFields id={id} value={draft} onChange={setDraft} {...props} />
      <label htmlFor={`${id}-reason`}>{t("hours.reason")}</label>
      <input id={`${id}-reason`} required minLength={3} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t("hours.saveCorrection")}
        </button>{" "}
        <button type="button" className="secondary" onClick={onDone}>
          {t("hours.cancel")}
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}

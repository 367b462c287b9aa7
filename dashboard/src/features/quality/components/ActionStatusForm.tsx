import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ACTION_STATUS_KEY, ACTION_STATUSES, PDCA, PDCA_KEY, type ActionStatus, type FindingAction, type Pdca } from "../api/quality.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";

/** Status and PDCA phase of one action; "gereed" asks for the day it was finished. */
export function ActionStatusForm({ action }: { action: FindingAction }) {
  const { t } = useI18n();
  const update = useSend("updateAction", "PATCH", FINDING_CHANGES);
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [phase, setPhase] = useState<Pdca>(action.pdcaPhase);
  const [completedOn, setCompletedOn] = useState(action.completedOn ?? today());
  const { error, busy, run } = useSubmit();
  const unchanged = status === action.status && phase === action.pdcaPhase && (status !== "gereed" || completedOn === action.completedOn);
  const id = `as-${action.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await update.send(`/actions/${action.id}`, { status, pdcaPhase: phase, ...(status === "gereed" ? { completedOn } : {}) });
    });
  }

  return (
    <form onSubmit={submit} className="row-form" aria-label={t("action.update", { ref: action.ref })}>
      <label htmlFor={`${id}-status`}>{t("action.status")}</label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(ACTION_STATUS_KEY[s])}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-phase`}>{t("action.pdca")}</label>
      <select id={`${id}-phase`} value={phase} onChange={(e) => setPhase(e.target.value as Pdca)}>
        {PDCA.map((p) => (
          <option key={p} value={p}>
            {t(PDCA_KEY[p])}
          </option>
        ))}
      </select>
      {status === "gereed" && (
        <>
          <label htmlFor={`${id}-done`}>{t("action.completedOnLabel")}</label>
          <input
            id={`${id}-done`}
            type="date"
            required
            max={today()}
            value={completedOn}
            onChange={(e) => setCompletedOn(e.target.value)}
          />
        </>
      )}
      <button type="submit" disabled={busy || unchanged}>
        {t("form.save")}
        <span className="sr-only"> {action.ref}</span>
      </button>
      <Status error={error} />
    </form>
  );
}

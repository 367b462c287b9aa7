import { useState, type FormEvent } from "react";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import type { Case, CaseStatus } from "../api/registry.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REGISTRY_CHANGES } from "../api/changes.ts";

export const STATUS_KEY: Record<CaseStatus, MessageKey> = {
  aangemeld: "status.aangemeld",
  in_behandeling: "status.in_behandeling",
  afgesloten: "status.afgesloten",
};

/** Per case: put it in treatment, or close it on a date. */
export function CaseStatusForm({ item }: { item: Case }) {
  const update = useSend("updateCase", "PATCH", REGISTRY_CHANGES);
  const { t } = useI18n();
  const [status, setStatus] = useState<CaseStatus>(item.status === "afgesloten" ? "afgesloten" : "in_behandeling");
  const [closedOn, setClosedOn] = useState(item.closedOn ?? today());
  const { error, busy, run } = useSubmit();
  const unchanged = status === item.status && (status !== "afgesloten" || closedOn === item.closedOn);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await update.send(`/cases/${item.id}`, status === "afgesloten" ? { status, closedOn } : { status });
    });
  }
  const id = `cs-${item.id}`;
  return (
    <form onSubmit={submit} className="row-form" aria-label={t("case.changeStatusFor", { code: item.code })}>
      <label htmlFor={`${id}-status`} className="sr-only">
        {t("case.newStatus", { code: item.code })}
      </label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
        <option value="in_behandeling">{t("status.in_behandeling")}</option>
        <option value="afgesloten">{t("status.afgesloten")}</option>
      </select>
      {status === "afgesloten" && (
        <>
          <label htmlFor={`${id}-date`} className="sr-only">
            {t("case.closedOnFor", { code: item.code })}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={closedOn}
            min={item.registeredOn}
            max={today()}
            onChange={(e) => setClosedOn(e.target.value)}
          />
        </>
      )}
      <button type="submit" disabled={busy || unchanged}>
        {t("form.save")}
        <span className="sr-only"> {item.code}</span>
      </button>
      <Status error={error} />
    </form>
  );
}

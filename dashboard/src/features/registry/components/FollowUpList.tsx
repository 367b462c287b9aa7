import { useState } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today, useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { FollowUpBadge } from "./FollowUpBadge.tsx";
import type { FollowUp } from "../api/registry.ts";
import { REGISTRY_CHANGES } from "../api/changes.ts";

/** A conference's follow-up agreements with their state; writers can mark open ones done today. */
export function FollowUpList({ items, name, canWrite }: { items: FollowUp[]; name: (id: string) => string; canWrite: boolean }) {
  const { t } = useI18n();
  const update = useSend("updateFollowUp", "PATCH", REGISTRY_CHANGES);
  const f = useFormat();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState("");
  if (!items.length) return <span className="muted">{t("conf.noFollowUps")}</span>;
  async function done(id: string) {
    setBusy(id);
    setError(undefined);
    try {
      await update.send(`/follow-ups/${id}`, { doneOn: today() });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy("");
    }
  }
  return (
    <>
      <ul className="plain">
        {items.map((u) => (
          <li key={u.id}>
            {name(u.ownerOrganisationId)}, {t("conf.due")} {f.date(u.dueOn)} <FollowUpBadge state={u.state} />
            {u.doneOn && <span className="muted"> ({t("conf.doneOn", { date: f.date(u.doneOn) })})</span>}
            {u.note && <div className="muted small">{u.note}</div>}
            {canWrite && !u.doneOn && (
              <button
                type="button"
                className="small-button"
                disabled={busy === u.id}
                onClick={() => done(u.id)}
                aria-label={t("conf.markDoneFor", { owner: name(u.ownerOrganisationId), date: f.date(u.dueOn) })}
              >
                {t("conf.markDone")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Status error={error} />
    </>
  );
}

import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import type { Municipality } from "../../registry/api/registry.ts";
import { HOURS_CHANGES } from "../api/hours.ts";
import { ActivityFields, emptyDraft, toBody } from "./ActivityFields.tsx";

/** Register hours: per case, or per municipality for work on no single case. */
export function ActivityForm(props: {
  municipalities: Municipality[];
  rates: string[];
  people: { id: string; name: string }[] | null;
  defaultRole: string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const create = useSend("createActivity", "POST", HOURS_CHANGES);
  const [draft, setDraft] = useState(() => emptyDraft(props.defaultRole));
  const [done, setDone] = useState("");
  const { error, busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone("");
    await run(async () => {
      const { activity } = await create.send("/activities", toBody(draft));
      setDone(t("hours.saved", { hours: f.number(activity.hours, 2), date: f.date(activity.performedOn) }));
      setDraft({ ...draft, hours: "", caseId: "" });
    });
  }
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="hours-form-title">
      <h2 id="hours-form-title">{t("hours.register")}</h2>
      <ActivityFields id="hf" value={draft} onChange={setDraft} {...props} />
      <button type="submit" disabled={busy}>
        {t("hours.submit")}
      </button>
      <div role="status" aria-live="polite" className="ok">
        {done}
      </div>
      <Status error={error} />
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { AUDIT_CHANGES, type Process } from "../api/auditsRisks.ts";

const WEIGHTS = [1, 2, 3] as const;
const WEIGHT_KEY = { 1: "programme.weight1", 2: "programme.weight2", 3: "programme.weight3" } as const;

/** The processes with their owners and risk weight; the weight drives how often a process is audited. */
export function ProcessOwners() {
  const { t } = useI18n();
  const processes = useReply("listProcesses", "/processes");
  const people = useReply("listPeople", "/people");
  if (!processes.data || !people.data) {
    return <Status loading={processes.loading || people.loading} error={processes.error ?? people.error} />;
  }
  return (
    <div className="stack">
      <p className="hint">{t("arw.owners.help")}</p>
      {processes.data.processes.map((p) => (
        <ProcessOwnerForm key={`${p.id}-${p.riskWeight}-${p.owners.map((o) => o.id).join()}`} process={p} people={people.data!.people} />
      ))}
    </div>
  );
}

function ProcessOwnerForm({ process, people }: { process: Process; people: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const update = useSend("updateProcess", "PATCH", AUDIT_CHANGES);
  const { error, busy, run } = useSubmit();
  const [owners, setOwners] = useState(() => new Set(process.owners.map((o) => o.id)));
  const [weight, setWeight] = useState(process.riskWeight);
  const id = `po-${process.id}`;
  // Former staff stay listed while they still own the process, so saving does not drop them unseen.
  const options = [...people, ...process.owners.filter((o) => !people.some((p) => p.id === o.id))];
  const unchanged = weight === process.riskWeight && owners.size === process.owners.length && process.owners.every((o) => owners.has(o.id));

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await update.send(`/processes/${encodeURIComponent(process.id)}`, { ownerIds: [...owners], riskWeight: weight });
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-label={t("arw.owners.form", { process: process.name })}>
      <fieldset>
        <legend>{t("arw.owners.legend", { process: process.name })}</legend>
        <div className="checks">
          {options.map((p) => (
            <label key={p.id} className="check" htmlFor={`${id}-${p.id}`}>
              <input
                id={`${id}-${p.id}`}
                type="checkbox"
                checked={owners.has(p.id)}
                onChange={(e) => {
                  const next = new Set(owners);
                  if (e.target.checked) next.add(p.id);
                  else next.delete(p.id);
                  setOwners(next);
                }}
              />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row-form">
        <label htmlFor={`${id}-weight`}>{t("programme.riskWeight")}</label>
        <select id={`${id}-weight`} value={weight} onChange={(e) => setWeight(Number(e.target.value))}>
          {WEIGHTS.map((w) => (
            <option key={w} value={w}>
              {t(WEIGHT_KEY[w])}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || unchanged}>
          {t("form.save")}
          <span className="sr-only"> {process.name}</span>
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}

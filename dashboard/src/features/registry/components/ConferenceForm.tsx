import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { addDays, today, useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { OrganisationSelect } from "./OrganisationSelect.tsx";
import { AttendanceRows, type AttendanceRow } from "./AttendanceRows.tsx";
import { FollowUpRows, type FollowUpRow } from "./FollowUpRows.tsx";
import { CasePicker } from "./CasePicker.tsx";
import { ElementsNotes, type Notes } from "./ElementsNotes.tsx";
import type { Organisation } from "../api/registry.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REGISTRY_CHANGES } from "../api/changes.ts";

const blank = (branchId: string) => ({
  heldOn: today(),
  branchId,
  chair: "",
  caseIds: [] as string[],
  rolesExplained: false,
  directorOrganisationId: "",
  attendance: [{ key: 1, organisationId: "", status: "aanwezig" }] as AttendanceRow[],
  notes: { aanleiding: "", doel: "", aanpak: "" } as Notes,
  followUps: [] as FollowUpRow[],
});

/** Registers a case conference with the five elements, attendance and follow-up agreements. */
export function ConferenceForm({
  branches,
  organisations,
  name,
}: {
  branches: { id: string; name: string }[];
  organisations: Organisation[];
  name: (id: string) => string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const [s, setS] = useState(() => blank(branches.length === 1 ? branches[0].id : ""));
  const { error, setError, busy, run } = useSubmit();
  const create = useSend("createConference", "POST", REGISTRY_CHANGES);
  const [notice, setNotice] = useState("");
  const settings = useReply("getRegistrySettings", "/registry/settings");
  const set = (patch: Partial<typeof s>) => setS((prev) => ({ ...prev, ...patch }));
  const recorded =
    [s.notes.aanleiding, s.notes.doel, s.notes.aanpak].filter((n) => n.trim()).length +
    (s.directorOrganisationId ? 1 : 0) +
    (s.followUps.length ? 1 : 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setNotice("");
    if (!s.caseIds.length) {
      setError(new Error(t("conf.needCase")));
      return;
    }
    await run(async () => {
      const { conference } = await create.send("/conferences", {
        heldOn: s.heldOn,
        branchId: s.branchId,
        chair: s.chair,
        caseIds: s.caseIds,
        rolesExplained: s.rolesExplained,
        attendance: s.attendance.map((a) => ({ organisationId: a.organisationId, status: a.status })),
        ...Object.fromEntries(Object.entries(s.notes).filter(([, v]) => v.trim())),
        directorOrganisationId: s.directorOrganisationId || null,
        followUps: s.followUps.map((u) => ({
          ownerOrganisationId: u.ownerOrganisationId,
          dueOn: u.dueOn,
          ...(u.note.trim() ? { note: u.note } : {}),
        })),
      });
      setS(blank(s.branchId));
      setNotice(t("conf.created", { date: f.date(conference.heldOn), n: conference.elementsRecorded }));
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="conf-form-title">
      <h2 id="conf-form-title">{t("conf.add")}</h2>
      <div className="field-row">
        <div>
          <label htmlFor="conf-date">{t("conf.heldOn")}</label>
          <input id="conf-date" type="date" required max={today()} value={s.heldOn} onChange={(e) => set({ heldOn: e.target.value })} />
        </div>
        <div>
          <label htmlFor="conf-branch">{t("conf.branch")}</label>
          <select id="conf-branch" required value={s.branchId} onChange={(e) => set({ branchId: e.target.value, caseIds: [] })}>
            {branches.length > 1 && <option value="">{t("form.choose")}</option>}
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="grow">
          <label htmlFor="conf-chair">{t("conf.chair")}</label>
          <input
            id="conf-chair"
            type="text"
            required
            minLength={2}
            maxLength={120}
            aria-describedby="conf-chair-help"
            value={s.chair}
            onChange={(e) => set({ chair: e.target.value })}
          />
          <p id="conf-chair-help" className="hint">
            {t("conf.chairHelp")}
          </p>
        </div>
      </div>
      <CasePicker branchId={s.branchId} value={s.caseIds} onChange={(caseIds) => set({ caseIds })} name={name} />
      <AttendanceRows rows={s.attendance} onChange={(attendance) => set({ attendance })} organisations={organisations} />
      <ElementsNotes notes={s.notes} onChange={(notes) => set({ notes })} retentionDays={settings.data?.retentionDays} />
      <label htmlFor="conf-director">{t("conf.director")}</label>
      <OrganisationSelect
        id="conf-director"
        value={s.directorOrganisationId}
        organisations={organisations}
        empty={t("conf.noDirector")}
        onChange={(directorOrganisationId) => set({ directorOrganisationId })}
      />
      <label className="check">
        <input type="checkbox" checked={s.rolesExplained} onChange={(e) => set({ rolesExplained: e.target.checked })} />{" "}
        {t("conf.rolesExplained")}
      </label>
      <FollowUpRows
        rows={s.followUps}
        onChange={(followUps) => set({ followUps })}
        organisations={organisations}
        minDate={s.heldOn}
        defaultDue={addDays(s.heldOn || today(), 14)}
      />
      <p className="progress">{t("conf.elementsSoFar", { n: recorded })}</p>
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("conf.submit")}
        </button>
      </div>
    </form>
  );
}

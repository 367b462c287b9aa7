import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { OrganisationSelect } from "./OrganisationSelect.tsx";
import type { Municipality, Organisation, Theme } from "../api/registry.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REGISTRY_CHANGES } from "../api/changes.ts";
import type { Body } from "../../../shared/api/contract.ts";

/** "Casus aanmelden": a pseudonymous registration, no personal data. */
export function CaseForm({
  municipalities,
  themes,
  organisations,
}: {
  municipalities: Municipality[];
  themes: Theme[];
  organisations: Organisation[];
}) {
  const { t } = useI18n();
  const { error, setError, busy, run } = useSubmit();
  const create = useSend("createCase", "POST", REGISTRY_CHANGES);
  const [notice, setNotice] = useState("");
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setError(undefined);
    setNotice("");
    const themeIds = f.getAll("themeIds").map(String);
    if (!themeIds.length) {
      setError(new Error(t("case.needTheme")));
      return;
    }
    await run(async () => {
      const { case: created } = await create.send("/cases", {
        municipalityId: f.get("municipalityId"),
        themeIds,
        referrerOrganisationId: f.get("referrerOrganisationId"),
        registeredOn: f.get("registeredOn"),
        careSafetyNexus: f.get("careSafetyNexus") === "on",
        societalImpact: f.get("societalImpact") === "on",
      } as Body<"createCase">);
      form.reset();
      setNotice(t("case.created", { code: created.code }));
    });
  }
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="case-form-title">
      <h2 id="case-form-title">{t("case.add")}</h2>
      <p className="hint">{t("case.privacy")}</p>
      <label htmlFor="cf-municipality">{t("case.municipality")}</label>
      <select id="cf-municipality" name="municipalityId" required defaultValue="">
        <option value="">{t("form.choose")}</option>
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t("case.themes")}</legend>
        <div className="checks">
          {themes
            .filter((th) => th.active)
            .map((th) => (
              <label key={th.id} className="check">
                <input type="checkbox" name="themeIds" value={th.id} /> {th.name}
              </label>
            ))}
        </div>
      </fieldset>
      <label htmlFor="cf-referrer">{t("case.referrer")}</label>
      <OrganisationSelect id="cf-referrer" name="referrerOrganisationId" organisations={organisations} required />
      <label htmlFor="cf-date">{t("case.registeredOn")}</label>
      <input id="cf-date" name="registeredOn" type="date" required max={today()} defaultValue={today()} />
      <fieldset aria-describedby="cf-pga-help">
        <legend>{t("case.intake")}</legend>
        <p id="cf-pga-help" className="hint">
          {t("case.intakeHelp")}
        </p>
        <label className="check">
          <input type="checkbox" name="careSafetyNexus" /> {t("case.nexus")}
        </label>
        <label className="check">
          <input type="checkbox" name="societalImpact" /> {t("case.impact")}
        </label>
      </fieldset>
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("case.submit")}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import type { Body } from "../../../shared/api/contract.ts";
import type { ApiFailure } from "../../../shared/api/client.ts";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";

type Profile = Body<"updateProfile">;
const LOGO_MAX_BYTES = 64 * 1024;
const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml"];

/**
 * The ZVH's profile as partners see it on the survey page: name, logo, contact person and the
 * privacy text in Dutch and English. The server sniffs the logo again; the checks here only
 * spare a round trip. Meant for the settings page (/instellingen), for those allowed registry:configure.
 */
export function ProfileSettings() {
  const { t } = useI18n();
  const current = useReply("getProfile", "/profile");
  const save = useSend("updateProfile", "PUT", ["getProfile"]);
  const [draft, setDraft] = useState<Profile | null>(null);
  const [error, setError] = useState("");
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data);
  }, [current.data, draft]);
  if (!draft) return <Status loading={current.loading} error={current.error} />;

  const set = (patch: Partial<Profile>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setError(t("profile.logoType"));
    if (file.size > LOGO_MAX_BYTES) return setError(t("profile.logoTooLarge"));
    setError("");
    const reader = new FileReader();
    reader.onload = () => set({ logo: String(reader.result) });
    reader.readAsDataURL(file);
  };
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!draft) return;
    try {
      setError("");
      setDraft(await save.send("/profile", draft));
      setSaved(true);
    } catch (err) {
      const failure = err as ApiFailure;
      setError([failure.message, ...failure.details.map((d) => d.message)].join(" "));
    }
  }
  return (
    <section aria-labelledby="profile-title" className="stack">
      <h2 id="profile-title">{t("profile.title")}</h2>
      <p className="lead">{t("profile.intro")}</p>
      <form onSubmit={submit} className="stack profile-form">
        <div className="field">
          <label htmlFor="profile-name">{t("profile.name")}</label>
          <input
            id="profile-name"
            required
            minLength={3}
            maxLength={120}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="profile-logo">{t("profile.logo")}</label>
          <input id="profile-logo" type="file" accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml" onChange={pickLogo} />
          {draft.logo ? (
            <p>
              {/* Shown through <img>: an SVG there cannot run anything, and the server refused scripts already. */}
              <img src={draft.logo} alt={t("profile.logoPreview")} style={{ maxHeight: "4rem", maxWidth: "12rem" }} />{" "}
              <button type="button" onClick={() => set({ logo: null })}>
                {t("profile.logoRemove")}
              </button>
            </p>
          ) : (
            <p className="hint">{t("profile.logoNone")}</p>
          )}
        </div>
        <fieldset>
          <legend>{t("profile.contactLegend")}</legend>
          <div className="field">
            <label htmlFor="profile-contact-name">{t("profile.contactName")}</label>
            <input
              id="profile-contact-name"
              required
              maxLength={120}
              autoComplete="off"
              value={draft.contact.name}
              onChange={(e) => set({ contact: { ...draft.contact, name: e.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor="profile-contact-email">{t("profile.contactEmail")}</label>
            <input
              id="profile-contact-email"
              type="email"
              required
              maxLength={254}
              autoComplete="off"
              value={draft.contact.email}
              onChange={(e) => set({ contact: { ...draft.contact, email: e.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor="profile-contact-phone">{t("profile.contactPhone")}</label>
            <input
              id="profile-contact-phone"
              type="tel"
              maxLength={30}
              autoComplete="off"
              value={draft.contact.phone}
              onChange={(e) => set({ contact: { ...draft.contact, phone: e.target.value } })}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("profile.privacyLegend")}</legend>
          <div className="field">
            <label htmlFor="profile-privacy-nl">{t("profile.privacyNl")}</label>
            <textarea
              id="profile-privacy-nl"
              lang="nl"
              required
              minLength={10}
              maxLength={1500}
              rows={4}
              value={draft.privacy.nl}
              onChange={(e) => set({ privacy: { ...draft.privacy, nl: e.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor="profile-privacy-en">{t("profile.privacyEn")}</label>
            <textarea
              id="profile-privacy-en"
              lang="en"
              maxLength={1500}
              rows={4}
              value={draft.privacy.en}
              onChange={(e) => set({ privacy: { ...draft.privacy, en: e.target.value } })}
            />
          </div>
        </fieldset>
        <p>
          <button type="submit" disabled={save.pending}>
            {t("profile.save")}
          </button>
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {saved && <p role="status">{t("profile.saved")}</p>}
      </form>
    </section>
  );
}

import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useCan } from "../../account/api/session.ts";
import { MailStatus } from "./MailStatus.tsx";
import { MunicipalityContacts } from "./MunicipalityContacts.tsx";
import { ProfileSettings } from "./ProfileSettings.tsx";
import { RegistrySettingsForm } from "./RegistrySettingsForm.tsx";
import { ThemesPanel } from "./ThemesPanel.tsx";

/** Instellingen: the ZVH's profile, themes, hourly rates, the retention term of working notes, who receives each municipality's report, e-mail status. */
export function SettingsPage() {
  const { t } = useI18n();
  const can = useCan();
  const settings = useReply("getRegistrySettings", "/registry/settings");
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">{t("nav.settings")}</h1>
      <p className="lead">{t("settings.intro")}</p>
      {can("registry:configure") && <ProfileSettings />}
      {can("themes:manage") && <ThemesPanel canManage />}
      {!settings.data ? (
        <Status loading={settings.loading} error={settings.error} />
      ) : (
        <RegistrySettingsForm key={JSON.stringify(settings.data)} settings={settings.data} canEdit={can("registry:configure")} />
      )}
      {can("registry:configure") && <MunicipalityContacts />}
      <MailStatus />
    </section>
  );
}

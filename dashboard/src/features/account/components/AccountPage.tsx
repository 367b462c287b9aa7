import { useI18n } from "../../../shared/i18n.tsx";
import type { User } from "../api/session.ts";
import { ROLE_KEY } from "../api/roles.ts";
import { PasswordForm } from "./SetPasswordPage.tsx";

export function AccountPage({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <section className="card narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>
        {user.name} – {user.email}
        <br />
        {t("account.role")}: {t(ROLE_KEY[user.role])}
      </p>
      <PasswordForm onDone={() => alert(t("account.changed"))} />
    </section>
  );
}

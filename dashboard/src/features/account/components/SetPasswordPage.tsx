import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import type { ApiFailure } from "../../../shared/api/client.ts";
import { useI18n } from "../../../shared/i18n.tsx";

/** Used both for the one-time link (token) and for a logged-in password change. */
export function PasswordForm({ token, onDone }: { token?: string; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState("");
  const setWithLink = useSend("setPassword", "POST", []);
  const change = useSend("changePassword", "POST", []);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("new"));
    if (password !== form.get("repeat")) return setError(t("setpw.mismatch"));
    try {
      if (token) await setWithLink.send("/auth/set-password", { token, password });
      else await change.send("/auth/password", { currentPassword: String(form.get("current")), newPassword: password });
      onDone();
    } catch (err) {
      setError((err as ApiFailure).message || t("app.error"));
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <p>{t("setpw.help")}</p>
      {!token && (
        <>
          <label htmlFor="current">{t("account.current")}</label>
          <input id="current" name="current" type="password" autoComplete="current-password" required />
        </>
      )}
      <label htmlFor="new">{t("setpw.new")}</label>
      <input id="new" name="new" type="password" autoComplete="new-password" minLength={12} required />
      <label htmlFor="repeat">{t("setpw.repeat")}</label>
      <input id="repeat" name="repeat" type="password" autoComplete="new-password" minLength={12} required />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{token ? t("setpw.submit") : t("account.change")}</button>
    </form>
  );
}

export function SetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <section className="card narrow" aria-labelledby="setpw-title">
      <h1 id="setpw-title">{t("setpw.title")}</h1>
      {done ? (
        <p role="status">
          {t("setpw.done")} <a href="/">{t("login.title")}</a>
        </p>
      ) : (
        <PasswordForm token={token} onDone={() => setDone(true)} />
      )}
    </section>
  );
}

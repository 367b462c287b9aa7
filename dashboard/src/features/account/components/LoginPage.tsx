import { useState, type FormEvent } from "react";
import { send, type ApiFailure } from "../../../shared/api/client.ts";
import { useI18n } from "../../../shared/i18n.tsx";

export function LoginPage({ onLogin }: { onLogin: () => Promise<void> }) {
  const { t } = useI18n();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError("");
    try {
      await send("login", "POST", "/auth/login", { email: String(form.get("email")), password: String(form.get("password")) });
      await onLogin();
    } catch (err) {
      const f = err as ApiFailure;
      setError(
        f.status === 429 ? t("login.throttled", { seconds: f.retryAfter ?? 60 }) : f.status === 401 ? t("login.invalid") : t("app.error"),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor="email">{t("login.email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">{t("login.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("login.submit")}
        </button>
      </form>
    </section>
  );
}

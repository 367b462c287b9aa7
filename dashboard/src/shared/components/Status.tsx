import { ApiFailure } from "../api/client.ts";
import { useI18n } from "../i18n.tsx";
import { errorText } from "../../../../api/lib/error-text.ts";

/**
 * An API error in the dashboard's language: the catalog's `error.<code>` with the error's params,
 * numbers and dates written as the server writes them (one function for both), or the server's
 * message when the catalog has no text or lacks a value for it.
 */
export function errorMessage(error: Error): string {
  if (error instanceof ApiFailure) {
    return errorText(document.documentElement.lang === "en" ? "en" : "nl", error.code, error.params) ?? error.message;
  }
  return error.message;
}

/**
 * Loading, error or done line; an API error shows its message and, for invalid input, which
 * fields; `done` is the confirmation a form shows after it succeeded.
 */
export function Status({ loading, error, done }: { loading?: boolean; error?: Error; done?: string }) {
  const { t } = useI18n();
  if (loading)
    return (
      <p role="status" className="loading">
        {t("app.loading")}
      </p>
    );
  const details = error instanceof ApiFailure ? error.details.filter((d) => d.message) : [];
  return (
    <>
      {error && (
        <div role="alert" className="error">
          <p>{errorMessage(error) || t("app.error")}</p>
          {details.length > 0 && (
            <ul>
              {details.map((d, i) => (
                <li key={i}>
                  {d.path ? <code>{d.path}</code> : null} {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </>
  );
}

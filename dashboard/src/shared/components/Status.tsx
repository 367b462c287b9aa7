import { ApiFailure } from "../api/client.ts";
import { useI18n } from "../i18n.tsx";
import { messages, type MessageKey } from "../../../../i18n/messages.ts";

/**
 * An API error in the dashboard's language: the catalog's `error.<code>` with the error's
 * params, or the server's message when the catalog has no text or lacks a value for it.
 */
export function errorMessage(error: Error, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  if (error instanceof ApiFailure) {
    const key = `error.${error.code}`;
    const text = (messages.nl as Record<string, string>)[key];
    const filled = text !== undefined && [...text.matchAll(/\{(\w+)\}/g)].every((m) => error.params[m[1]] !== undefined);
    // Without params a Dutch site may carry a more specific text than the catalog's; keep it in Dutch.
    if (filled && (Object.keys(error.params).length > 0 || document.documentElement.lang === "en"))
      return t(key as MessageKey, error.params);
  }
  return error.message;
}

/** Loading or error line; an API error shows its message and, for invalid input, which fields. */
export function Status({ loading, error }: { loading?: boolean; error?: Error }) {
  const { t } = useI18n();
  if (loading)
    return (
      <p role="status" className="loading">
        {t("app.loading")}
      </p>
    );
  if (!error) return null;
  const details = error instanceof ApiFailure ? error.details.filter((d) => d.message) : [];
  return (
    <div role="alert" className="error">
      <p>{errorMessage(error, t) || t("app.error")}</p>
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
  );
}

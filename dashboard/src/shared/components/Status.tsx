import { ApiFailure } from "../api/client.ts";
import { useI18n } from "../i18n.tsx";

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
      <p>{error.message || t("app.error")}</p>
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

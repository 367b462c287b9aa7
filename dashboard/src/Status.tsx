import { useI18n } from "./i18n.tsx";

export function Status({ loading, error }: { loading?: boolean; error?: Error }) {
  const { t } = useI18n();
  if (loading) return <p role="status" className="loading">{t("app.loading")}</p>;
  if (error) return <p role="alert" className="error">{error.message || t("app.error")}</p>;
  return null;
}

import { useI18n } from "./i18n.tsx";
import { useLoad } from "./useLoad.ts";
import { Status } from "./Status.tsx";

interface Figures { municipality: { id: string; name: string }; waves: { wave: string; invited: number; responded: number }[] }

export function MunicipalityPage({ municipalityId }: { municipalityId: string }) {
  const { t } = useI18n();
  const figures = useLoad<Figures>(`/municipalities/${municipalityId}/figures`);
  if (!figures.data) return <Status loading={figures.loading} error={figures.error} />;
  return (
    <section aria-labelledby="mun-title">
      <h1 id="mun-title">{figures.data.municipality.name}</h1>
      <table>
        <caption>{t("municipality.title")}</caption>
        <thead><tr><th scope="col">{t("municipality.wave")}</th><th scope="col">{t("results.invited")}</th><th scope="col">{t("results.respondents")}</th></tr></thead>
        <tbody>{figures.data.waves.map((w) => <tr key={w.wave}><th scope="row">{w.wave}</th><td>{w.invited}</td><td>{w.responded}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

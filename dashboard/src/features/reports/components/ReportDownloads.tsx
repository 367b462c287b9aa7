import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { validPeriod, type Period } from "../../../shared/period/period.ts";

const FORMATS = [
  ["pdf", "uitdraai.pdf"],
  ["xlsx", "uitdraai.xlsx"],
  ["csv", "uitdraai.csv"],
] as const;

/** Download links for one municipality's report over a period, in each file format. */
export function ReportDownloads({ municipality, period }: { municipality: { id: string; name: string }; period: Period }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!validPeriod(period)) return null;
  const context = t("uitdraai.linkContext", { name: municipality.name, from: f.date(period.from), to: f.date(period.to) });
  return (
    <div>
      <p>{context}</p>
      <ul className="downloads">
        {FORMATS.map(([format, key]) => (
          <li key={format}>
            <a
              className="button-link"
              download
              href={`/api/municipalities/${encodeURIComponent(municipality.id)}/report?from=${period.from}&to=${period.to}&format=${format}`}
            >
              <span className="sr-only">{context}: </span>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import type { Evidence } from "../api/quality.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

/** Evidence files with what makes them checkable: the hash (shortened; the full one is on the download), size and the day they are about. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!evidence.length) return <p className="empty">{t("evidence.none")}</p>;
  return (
    <ScrollBox label={t("chart.table", { title: t("evidence.caption", { n: evidence.length }) })}>
      <table>
        <caption>{t("evidence.caption", { n: evidence.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("uitdraai.file")}</th>
            <th scope="col">{t("evidence.concerns")}</th>
            <th scope="col">{t("uitdraai.sha")}</th>
            <th scope="col">{t("uitdraai.size")}</th>
            <th scope="col">{t("evidence.uploadedAt")}</th>
            <th scope="col">{t("evidence.download")}</th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.filename}</th>
              <td>{f.date(e.concernsDate)}</td>
              <td>
                <code title={t("evidence.shaFull", { sha: e.sha256 })}>{e.sha256.slice(0, 12)}…</code>
              </td>
              <td>{f.bytes(e.size)}</td>
              <td>{f.dateTime(e.uploadedAt)}</td>
              <td>
                <a href={`/api/evidence/${e.id}`} download>
                  {t("evidence.download")}
                  <span className="sr-only"> {e.filename}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

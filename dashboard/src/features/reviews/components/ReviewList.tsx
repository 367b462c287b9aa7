import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Link } from "@tanstack/react-router";
import { ReviewStatusBadge } from "./ReviewStatusBadge.tsx";
import type { ReviewListItem } from "../api/reviews.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

/** One row per review series: its latest version, what is still missing, and links to every version. */
export function ReviewList({ reviews }: { reviews: ReviewListItem[] }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollBox label={t("chart.table", { title: t("mr.caption", { n: reviews.length }) })}>
      <table>
        <caption>{t("mr.caption", { n: reviews.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mr.period")}</th>
            <th scope="col">{t("mr.heldOn")}</th>
            <th scope="col">{t("finding.status")}</th>
            <th scope="col">{t("mr.missing")}</th>
            <th scope="col">{t("mr.versions")}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => (
            <tr key={r.seriesId}>
              <th scope="row">
                <Link to="/directiebeoordeling/$reviewId" params={{ reviewId: r.id }}>
                  {t("mr.periodValue", { from: f.date(r.periodFrom), to: f.date(r.periodTo) })}
                </Link>
              </th>
              <td>{f.date(r.heldOn)}</td>
              <td>
                <ReviewStatusBadge status={r.status} /> <span className="muted">{t("mr.versionN", { n: r.version })}</span>
              </td>
              <td>{r.status === "definitief" ? "–" : r.missing ? t("mr.missingCount", { n: r.missing }) : t("mr.completeShort")}</td>
              <td>
                <ul className="plain">
                  {r.versions.map((v) => (
                    <li key={v.id}>
                      <Link to="/directiebeoordeling/$reviewId" params={{ reviewId: v.id }}>
                        {t("mr.versionN", { n: v.version })}
                      </Link>{" "}
                      <span className="muted">
                        ({v.status === "definitief" ? t("mr.finalOn", { date: f.date(v.finalizedAt?.slice(0, 10)) }) : t("mr.concept")})
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

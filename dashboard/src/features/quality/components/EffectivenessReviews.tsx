import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Badge } from "../../../shared/components/Badge.tsx";
import type { EffectivenessReview, Evidence } from "../api/quality.ts";

/** The effectiveness reviews: who judged, when, the verdict in words, why, and on which evidence. */
export function EffectivenessReviews({
  reviews,
  evidence,
  name,
}: {
  reviews: EffectivenessReview[];
  evidence: Evidence[];
  name: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  const f = useFormat();
  if (!reviews.length) return <p className="empty">{t("effReview.none")}</p>;
  const file = (id: string) => evidence.find((e) => e.id === id)?.filename ?? t("effReview.otherEvidence");
  return (
    <ul className="plain">
      {reviews.map((r) => (
        <li key={r.id} className="card stack">
          <p>
            {r.effective ? (
              <Badge tone="good" symbol="✓">
                {t("effReview.effective")}
              </Badge>
            ) : (
              <Badge tone="warn" symbol="✗">
                {t("effReview.notEffective")}
              </Badge>
            )}{" "}
            {t("effReview.by", { name: name(r.reviewerId) ?? t("people.unknown"), date: f.date(r.reviewedOn) })}
          </p>
          <p>{r.explanation}</p>
          <p className="hint">
            {t("effReview.evidence")}: {r.evidenceIds.map(file).join(", ")}
          </p>
        </li>
      ))}
    </ul>
  );
}

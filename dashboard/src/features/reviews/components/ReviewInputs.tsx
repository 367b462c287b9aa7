import { useI18n, type Coded } from "../../../shared/i18n.tsx";
import { Badge } from "../../../shared/components/Badge.tsx";
import { PrefillView } from "./PrefillView.tsx";
import { AssessmentForm } from "./AssessmentForm.tsx";
import { inputTitleKey, type ManagementReview } from "../api/reviews.ts";

/**
 * The twelve required inputs (9.3.2): the figures the platform filled in, what those
 * figures could not show, and management's assessment, editable while the review is a concept.
 */
export function ReviewInputs({ review, editable }: { review: ManagementReview; editable: boolean }) {
  const { t, coded } = useI18n();
  const gapText = (g: unknown) => (g && typeof g === "object" && "code" in g ? coded(g as Coded) : String(g));
  return (
    <ol className="plain review-inputs">
      {review.inputs.map((input, i) => {
        const title = t(inputTitleKey(input.key));
        // TODO(issue 12, API half): `data` is an open record in the schema; the gaps are read narrowly here.
        const { gaps: rawGaps, ...figures } = input.data ?? {};
        // A gap by code reads in the reader's language; an older review stored the Dutch sentence itself.
        const gaps = Array.isArray(rawGaps) ? rawGaps.map(gapText) : [];
        const missing = !input.assessment.trim();
        return (
          <li key={input.key} className="card stack">
            <h3 id={`input-${input.key}`}>
              {i + 1}. {title}
              {missing && (
                <>
                  {" "}
                  <Badge tone="warn" symbol="✗">
                    {t("mr.assessmentMissing")}
                  </Badge>
                </>
              )}
            </h3>
            {input.data === null ? (
              <p className="hint">{t("mr.noPrefill")}</p>
            ) : (
              Object.keys(figures).length > 0 && (
                <div>
                  <h4>{t("mr.figures")}</h4>
                  <PrefillView data={figures as Parameters<typeof PrefillView>[0]["data"]} />
                </div>
              )
            )}
            {gaps.length > 0 && (
              <div className="caveats">
                <p>
                  <span aria-hidden="true">⚠ </span>
                  {t("mr.gaps")}
                </p>
                <ul>
                  {gaps.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </div>
            )}
            {editable ? (
              <AssessmentForm reviewId={review.id} inputKey={input.key} title={title} value={input.assessment} />
            ) : (
              <div>
                <h4>{t("mr.assessment")}</h4>
                {missing ? <p className="empty">{t("mr.noAssessment")}</p> : <p className="prose">{input.assessment}</p>}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

import { useI18n } from "../../../shared/i18n.tsx";
import { inputTitleKey, type ManagementReview } from "../api/reviews.ts";

/** What still stands between this concept and a final review, and which inputs lack data. */
export function ReviewCompleteness({ review }: { review: ManagementReview }) {
  const { t, coded } = useI18n();
  const c = review.completeness;
  const title = (key: string) => {
    const input = review.inputs.find((i) => i.key === key);
    return input ? t(inputTitleKey(input.key)) : key;
  };
  return (
    <div className="stack">
      {c.complete ? (
        <p className="ok">
          <span aria-hidden="true">✓ </span>
          {t("mr.complete")}
        </p>
      ) : (
        <>
          <p>
            <span aria-hidden="true">⚠ </span>
            {t("mr.incomplete", { n: c.missing.length })}
          </p>
          <ul className="checklist">
            {c.missing.map((m) => (
              <li key={m.key} className="todo">
                <span aria-hidden="true" className="check-mark">
                  ✗
                </span>
                <span className="sr-only">{t("closing.todo")}: </span>
                {coded(m)}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.dataGaps.length > 0 && (
        <details>
          <summary>{t("mr.dataGaps", { n: c.dataGaps.length })}</summary>
          <ul>
            {c.dataGaps.map((g) => (
              <li key={g.key}>
                <strong>{title(g.key)}:</strong> {g.gaps.map((x) => (typeof x === "string" ? x : coded(x))).join(" ")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

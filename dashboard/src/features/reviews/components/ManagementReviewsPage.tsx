import type { User } from "../../account/api/session.ts";
import { useCan } from "../../account/api/session.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ReviewList } from "./ReviewList.tsx";
import { NewReviewForm } from "./NewReviewForm.tsx";
import { ManagementReviewDetail } from "./ManagementReviewDetail.tsx";

/** Directiebeoordeling: the reviews with their versions, and one review at /directiebeoordeling/<id>. */
export function ManagementReviewsPage({ user, reviewId }: { user: User; reviewId?: string }) {
  return reviewId ? <ManagementReviewDetail key={reviewId} id={reviewId} user={user} /> : <ReviewsOverview />;
}

function ReviewsOverview() {
  const can = useCan();
  const { t } = useI18n();
  const reviews = useReply("listManagementReviews", "/management-reviews");
  return (
    <section aria-labelledby="mr-title" className="stack">
      <h1 id="mr-title">{t("nav.managementReview")}</h1>
      <p className="lead">{t("mr.intro")}</p>
      {can("review:write") && (
        <details className="card">
          <summary>{t("mr.add")}</summary>
          <NewReviewForm />
        </details>
      )}
      <div aria-busy={reviews.loading}>
        {!reviews.data ? (
          <Status loading={reviews.loading} error={reviews.error} />
        ) : reviews.data.reviews.length === 0 ? (
          <p className="empty" role="status">
            {t("mr.none")}
          </p>
        ) : (
          <ReviewList reviews={reviews.data.reviews} />
        )}
      </div>
    </section>
  );
}

import { useI18n } from "../../../shared/i18n.tsx";
import { Badge } from "../../../shared/components/Badge.tsx";
import type { ReviewStatus } from "../api/reviews.ts";

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return status === "definitief" ? (
    <Badge tone="good" symbol="✓">
      {t("mr.final")}
    </Badge>
  ) : (
    <Badge tone="caution" symbol="✎">
      {t("mr.concept")}
    </Badge>
  );
}

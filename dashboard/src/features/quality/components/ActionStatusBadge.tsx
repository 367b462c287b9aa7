import { useI18n } from "../../../shared/i18n.tsx";
import { Badge, type Tone } from "../../../shared/components/Badge.tsx";
import { ACTION_STATUS_KEY, isOverdue, type ActionStatus } from "../api/quality.ts";

const TONE: Record<ActionStatus, [Tone, string]> = {
  gepland: ["info", "○"],
  in_uitvoering: ["caution", "◐"],
  gereed: ["good", "✓"],
  geannuleerd: ["neutral", "–"],
};

/** The status, and "te laat" next to it when an open action passed its deadline. */
export function ActionStatusBadge({ action }: { action: { status: ActionStatus; dueOn: string } }) {
  const { t } = useI18n();
  const [tone, symbol] = TONE[action.status];
  return (
    <>
      <Badge tone={tone} symbol={symbol}>
        {t(ACTION_STATUS_KEY[action.status])}
      </Badge>
      {isOverdue(action) && (
        <>
          {" "}
          <Badge tone="warn" symbol="!">
            {t("action.overdue")}
          </Badge>
        </>
      )}
    </>
  );
}

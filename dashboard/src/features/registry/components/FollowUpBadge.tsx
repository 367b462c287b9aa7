import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { FollowUpState } from "../api/registry.ts";

const LABEL: Record<FollowUpState, MessageKey> = {
  op_tijd: "followUp.op_tijd",
  te_laat: "followUp.te_laat",
  open: "followUp.open",
  verlopen: "followUp.verlopen",
};
/** A symbol as well as a colour, and the word itself: the state never rests on colour alone. */
const SYMBOL: Record<FollowUpState, string> = { op_tijd: "✓", te_laat: "✓!", open: "○", verlopen: "!" };

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  const { t } = useI18n();
  return (
    <span className={`badge fu-${state}`}>
      <span aria-hidden="true">{SYMBOL[state]} </span>
      {t(LABEL[state])}
    </span>
  );
}
